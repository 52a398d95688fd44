import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupStatus } from '@shared/backup';
import { backupStatusQuery } from './queries';

/**
 * The vault's backup state (last backup, reminder, a restore waiting to be kept). A backup, a reminder or a restore
 * answers with the new state, which replaces the one held, so it is not read again.
 */
export function useBackupStatus() {
  const client = useQueryClient();
  const options = backupStatusQuery();
  const query = useQuery(options);
  const setStatus = (status: BackupStatus) => client.setQueryData(options.queryKey, status);
  return { status: query.data ?? null, setStatus, query };
}
