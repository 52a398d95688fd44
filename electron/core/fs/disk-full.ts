/**
 * The one list of the errors that mean "the disk is full": Node's errno codes and SQLite's. dispatch() answers them
 * with `disk_full` whatever the request was; the backup, handover and print paths keep their own, more precise codes.
 * SQLITE_IOERR_SHMSIZE is SQLite failing to make room for a database's shared-memory index beside it.
 */
export const DISK_FULL_CODES: readonly string[] = ['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE'];

/** Whether `error` (from Node's fs or from SQLite) says the disk or the user's quota is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL_CODES.includes(code);
}
