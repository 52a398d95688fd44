/**
 * What each change in the programme makes stale. A cohort's change shows in the cohort list, the week view and a
 * participant's file (its enrolments); a session's also in attendance, whose grid has a column a session.
 */
import type { ChannelPrefix } from '../../api/query';

export const COHORT_CHANGES: readonly ChannelPrefix[] = ['cohorts', 'sessions'];
export const SESSION_CHANGES: readonly ChannelPrefix[] = ['sessions', 'cohorts.get', 'cohorts.list', 'attendance'];
