import { AppError } from '@shared/errors';
import { JobCancelled } from '../jobs/context';

const DISK_FULL = ['ENOSPC', 'EDQUOT', 'SQLITE_FULL'];
const NOT_WRITABLE = ['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];
const UNREADABLE = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'EIO', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_PERM'];

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Whether an errno or SQLite code (extended codes included, e.g. SQLITE_IOERR_WRITE) is one of `family`. */
function isOneOf(code: string, family: readonly string[]): boolean {
  return family.some((name) => code === name || code.startsWith(`${name}_`));
}

/** Passes AppErrors and cancellation through. */
function settled(error: unknown): boolean {
  return error instanceof AppError || error instanceof JobCancelled;
}

/** A failed write (file system or SQLite) as the sentence a caseworker can act on; anything else unchanged. */
export function asWriteError(error: unknown): unknown {
  const code = codeOf(error);
  if (settled(error) || !code) return error;
  if (isOneOf(code, DISK_FULL)) return new AppError('backup_disk_full');
  if (isOneOf(code, NOT_WRITABLE)) return new AppError('backup_not_writable');
  // A folder or drive gone while it was written to.
  if (isOneOf(code, ['EIO', 'ENOENT', 'ENOTDIR', 'SQLITE_IOERR'])) return new AppError('backup_write_failed');
  return error;
}

/**
 * A full disk in a restore: the restored database is written in the data folder, on this computer's disk, so the
 * sentence asks for room there rather than for another place (`backup_disk_full` is for a backup being written).
 */
export function asRestoreError(error: unknown): unknown {
  const translated = asWriteError(error);
  return translated instanceof AppError && translated.code === 'backup_disk_full'
    ? new AppError('restore_disk_full')
    : translated;
}

/**
 * A failed rename or folder flush of a restore's swap (or its undo) as a sentence: the codes of `asRestoreError`,
 * and any other errno as `backup_write_failed` (a file system that cannot flush a folder may answer EINVAL or
 * ENOTSUP). Only an error without a code, a fault of Polku's own, stays `internal`.
 */
export function asSwapError(error: unknown): unknown {
  const translated = asRestoreError(error);
  if (settled(translated) || !codeOf(translated)) return translated;
  return new AppError('backup_write_failed');
}

/** A failed read of a backup file: it cannot be read at all, or SQLite found it damaged. */
export function asReadError(error: unknown): unknown {
  const code = codeOf(error);
  if (settled(error) || !code) return error;
  if (isOneOf(code, ['SQLITE_CORRUPT', 'SQLITE_NOTADB'])) return new AppError('backup_damaged');
  if (isOneOf(code, UNREADABLE)) return new AppError('backup_unreadable');
  return error;
}
