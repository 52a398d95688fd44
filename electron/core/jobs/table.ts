import { restoreBackup } from '../backup/restore-job';
import { inspectBackup } from '../backup/inspect-job';
import { writeBackup } from '../backup/write-job';
import { rekeyDatabase } from '../vault/rekey-job';

/** Every job a worker thread can run, by name. Each is synchronous: it runs alone on its thread. */
export const JOBS = {
  'backup.write': writeBackup,
  'backup.inspect': inspectBackup,
  'backup.restore': restoreBackup,
  'vault.rekey': rekeyDatabase,
};

export type JobTable = typeof JOBS;
export type JobName = keyof JobTable;
export type JobInput<N extends JobName> = Parameters<JobTable[N]>[0];
export type JobOutput<N extends JobName> = ReturnType<JobTable[N]>;
