import { useEffect, useState } from 'react';
import type { BackupStatus } from '@shared/backup';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';

/** The vault's backup state (last backup, reminder, a restore waiting to be kept), loaded once and then replaced by answers. */
export function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let current = true;
    void invoke('backup.status', {}).then((result) => {
      if (!current) return;
      if (result.ok) setStatus(result.value);
      else setFailure(result);
    });
    return () => {
      current = false;
    };
  }, []);

  return { status, setStatus, failure };
}
