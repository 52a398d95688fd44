/** The programme feature's reads: cohorts, their sessions, the week across cohorts, and staff to choose from. */
import { channelQuery } from '../../api/query';

export const cohortListQuery = () => channelQuery('cohorts.list', {});
export const cohortQuery = (id: string) => channelQuery('cohorts.get', { id });
export const cohortMembersQuery = (id: string) => channelQuery('cohorts.members', { id });
export const cohortSessionsQuery = (cohortId: string) => channelQuery('sessions.list', { cohortId });
export const weekQuery = (weekStart: string) => channelQuery('sessions.week', { weekStart });
/** The active colleagues who can be put on a cohort's staff. */
export const staffOptionsQuery = () => channelQuery('cohorts.staffOptions', {});
/** Participants who could be enrolled from the cohort's page; names leave memory with the form. */
export const enrolCandidatesQuery = (cohortId: string) => ({
  ...channelQuery('cohorts.enrolCandidates', { cohortId }),
  gcTime: 0,
});
/** The cohort's change from intake to exit per domain: counts only, for roles that read assessments. */
export const cohortChangeQuery = (cohortId: string) => channelQuery('assessments.cohortChange', { cohortId });
