import { useQuery } from '@tanstack/react-query';
import type { CohortDetail, CohortMember } from '@shared/cohorts';
import type { Session } from '@shared/sessions';
import type { QueryView } from '../../components/QueryState';
import { cohortSessionsQuery, cohortQuery, cohortMembersQuery } from './queries';

export interface CohortData {
  cohort: CohortDetail;
  members: CohortMember[];
  sessions: Session[];
}

/**
 * A cohort's page data: the cohort, its members and its sessions, as one query view (data once all three have
 * come, the first refusal, and asking again asks for all three). A change refreshes them through invalidation.
 */
export function useCohortData(cohortId: string): QueryView<CohortData> {
  const cohort = useQuery(cohortQuery(cohortId));
  const members = useQuery(cohortMembersQuery(cohortId));
  const sessions = useQuery(cohortSessionsQuery(cohortId));
  const all = [cohort, members, sessions];
  return {
    data:
      cohort.data && members.data && sessions.data
        ? { cohort: cohort.data, members: members.data, sessions: sessions.data }
        : undefined,
    error: cohort.error ?? members.error ?? sessions.error,
    isFetching: all.some((q) => q.isFetching),
    refetch: () => {
      for (const q of all) if (q.error) void q.refetch();
    },
  };
}
