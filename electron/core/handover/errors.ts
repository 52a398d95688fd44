import { AppError } from '@shared/errors';

/** File-system and SQLite failures of writing a file somewhere the user chose (full, read-only, gone, protected). */
const WRITE_FAILURES = [
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'EIO',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_PERM',
];
const UNREADABLE = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'EIO', 'ENOTDIR', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_PERM'];
const DAMAGED = ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CONSTRAINT', 'SQLITE_MISMATCH'];

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Whether an errno or SQLite code (extended codes included, e.g. SQLITE_IOERR_WRITE) is one of `family`. */
function isOneOf(code: string, family: readonly string[]): boolean {
  return family.some((name) => code === name || code.startsWith(`${name}_`));
}

/** A failed write of a handover file as the sentence a caseworker can act on; anything else unchanged. */
export function asWriteError(error: unknown): unknown {
  const code = codeOf(error);
  if (error instanceof AppError || !code) return error;
  return isOneOf(code, WRITE_FAILURES) ? new AppError('handover_write_failed') : error;
}

/**
 * A failed read or import of a handover file: it cannot be read at all, or its content is damaged (SQLite found
 * it corrupt, or its rows break the vault's rules, which no file this version wrote does).
 */
export function asReadError(error: unknown): unknown {
  const code = codeOf(error);
  if (error instanceof AppError || !code) return error;
  if (isOneOf(code, DAMAGED)) return new AppError('handover_damaged');
  if (isOneOf(code, UNREADABLE)) return new AppError('handover_unreadable');
  return error;
}
