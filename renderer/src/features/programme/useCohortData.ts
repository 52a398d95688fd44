import { useCallback, useEffect, useState } from 'react';
import type { CohortDetail, CohortMember } from '@shared/cohorts';
import type { Failure } from '@shared/errors';
import type { Session } from '@shared/sessions';
import { invoke } from '../../api/client';

export interface CohortData {
  cohort: CohortDetail;
  members: CohortMember[];
  sessions: Session[];
}

/** A cohort's page data: the cohort, its members and its sessions, loaded together and again after a change. */
export function useCohortData(cohortId: string) {
  const [data, setData] = useState<CohortData | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([
      invoke('cohorts.get', { id: cohortId }),
      invoke('cohorts.members', { id: cohortId }),
      invoke('sessions.list', { cohortId }),
    ]).then(([cohort, members, sessions]) => {
      if (!live) return;
      if (!cohort.ok) return setFailure(cohort);
      if (!members.ok) return setFailure(members);
      if (!sessions.ok) return setFailure(sessions);
      setFailure(null);
      setData({ cohort: cohort.value, members: members.value, sessions: sessions.value });
    });
    return () => {
      live = false;
    };
  }, [cohortId, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { data, failure, reload };
}
