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

/**
 * Whether `error` is the disk's answer to a write (any errno from Node's fs, any SQLite code): full, failing,
 * read-only or protected. Writes the vault can do without for a while (a hint, the history anchor's counter at an
 * unlock) are let go on any of these, so that the vault still opens for reading.
 */
export function isDiskFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(E[A-Z]+|SQLITE_[A-Z_]+)$/.test(code);
}
