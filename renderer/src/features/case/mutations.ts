/**
 * What a change to a participant's cohort makes stale: their enrolments and attendance, the cohort's members, the
 * overview's group part and the timeline. Not `participants.get`: reading the record again would be audited as opening the file again.
 */
import type { ChannelPrefix } from '../../api/query';

export const ENROLMENT_CHANGES: readonly ChannelPrefix[] = ['cohorts', 'attendance', 'overview', 'timeline.participant'];

/** A deleted file leaves the registry, its cohort's members and attendance, and the retention list. */
export const DELETION_CHANGES: readonly ChannelPrefix[] = ['participants', 'cohorts', 'attendance', 'retention'];
