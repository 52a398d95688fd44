import { useEffect, useState } from 'react';
import type { SessionInfo } from '@shared/vault';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';

export interface StaffOption {
  id: string;
  displayName: string;
}

/** The active colleagues, of any role, who can be put on a cohort's staff; empty for those who cannot set it. */
export function useStaffOptions(session: SessionInfo): StaffOption[] {
  const [people, setPeople] = useState<StaffOption[]>([]);
  const canChoose = roleHolds(session.role, 'programme.write');

  useEffect(() => {
    let live = true;
    if (canChoose) {
      void invoke('cohorts.staffOptions', {}).then((result) => {
        if (live && result.ok) setPeople(result.value.map((u) => ({ id: u.userId, displayName: u.displayName })));
      });
    }
    return () => {
      live = false;
    };
  }, [canChoose]);

  return people;
}
