/** The programme feature's reads: cohorts, their sessions, the week across cohorts, and staff to choose from. */
import type { InputOf } from '@shared/api';
import { channelQuery } from '../../api/query';

export const cohortListQuery = () => channelQuery('cohorts.list', {});
export const cohortQuery = (id: string) => channelQuery('cohorts.get', { id });
export const cohortMembersQuery = (id: string) => channelQuery('cohorts.members', { id });
export const cohortSessionsQuery = (cohortId: string) => channelQuery('sessions.list', { cohortId });
export const weekQuery = (weekStart: string) => channelQuery('sessions.week', { weekStart });
/** The active colleagues who can be put on a cohort's staff. */
export const staffOptionsQuery = () => channelQuery('cohorts.staffOptions', {});
/** A cohort's week schedule as the paper will print it, in one language; kept only while the dialog shows it. */
export const schedulePreviewQuery = (request: InputOf<'schedule.preview'>) => ({
  ...channelQuery('schedule.preview', request),
  gcTime: 0,
});
/** Participants who could be enrolled from the cohort's page; names leave memory with the form. */
export const enrolCandidatesQuery = (cohortId: string) => ({
  ...channelQuery('cohorts.enrolCandidates', { cohortId }),
  gcTime: 0,
});
