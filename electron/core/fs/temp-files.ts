/**
 * The names of the temp files Polku makes, in one place, so that the start-up sweep can tell them from anything
 * else: it deletes a path only when it is one of these kinds (see `isOwnTemp`).
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { BACKUP_EXTENSION } from '@shared/backup';

const HANDOVER_COPY = /^handover-[0-9a-f]{16}\.tmp$/;
const RESTORE_TARGET = /^polku\.db\.restore-[0-9a-f]{16}$/;
const SETUP_DATABASE = 'polku.db.setup';
/** A master-key rotation's rekeyed copy of the database, and what SQLite keeps beside it. */
const REKEY_TARGET = /^polku\.db\.rekey(?:-journal|-wal|-shm)?$/;
const BACKUP_TEMP = new RegExp(`^.+\\.${BACKUP_EXTENSION}\\.[0-9a-f]{12}\\.tmp$`, 'i');

/** The data folder's files written whole by `writeFileAtomic`, whose temps the start-up sweep knows. */
const ATOMIC_WRITE_TEMP = /^(polku\.keys|polku\.prefs\.json|polku\.attempts|polku\.temp-files\.json)\.tmp-[0-9a-f]{16}$/;

/** The temp file an atomic write of `path` fills, fsyncs and renames to `path` (fs/atomic.ts). */
export function atomicWriteTempPath(path: string): string {
  return `${path}.tmp-${randomBytes(8).toString('hex')}`;
}

/**
 * The name of the file an atomic write's temp found in the data folder was to replace (`polku.keys` for
 * `polku.keys.tmp-<16 hex digits>`), or null when `name` is no such temp. Such a temp is left only by a write
 * cut before its rename, so the file it names is still the last whole version (when it exists).
 */
export function atomicWriteTarget(name: string): string | null {
  return ATOMIC_WRITE_TEMP.exec(name)?.[1] ?? null;
}

/** Where a handover inspect keeps its private copy of the file: in the data folder, under a random name. */
export function handoverCopyPath(dataDir: string): string {
  return join(dataDir, `handover-${randomBytes(8).toString('hex')}.tmp`);
}

/** A restored database being written, in the data folder beside polku.db so that the swap is one rename. */
export function restoreTargetPath(dataDir: string): string {
  return join(dataDir, `polku.db.restore-${randomBytes(8).toString('hex')}`);
}

/** A master-key rotation's copy of the database being rekeyed, renamed over polku.db once whole. */
export function rekeyTargetPath(dataDir: string): string {
  return join(dataDir, 'polku.db.rekey');
}

/** The database of a first setup, renamed to polku.db as its last step. */
export function setupDatabasePath(dataDir: string): string {
  return join(dataDir, SETUP_DATABASE);
}

/** A backup being written, beside the `.polkubackup` file the user chose (wherever that is), renamed when whole. */
export function backupTempPath(destination: string): string {
  return `${destination}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Whether a file name found in the data folder is a temp file that only a crash can have left there (the setup's
 * database is not one: with its slot file written, it is a setup to be completed).
 */
export function isStrayTempName(name: string): boolean {
  return HANDOVER_COPY.test(name) || RESTORE_TARGET.test(name) || REKEY_TARGET.test(name);
}

/**
 * Whether `path` is a temp file Polku makes: a backup being written (beside the chosen destination, so anywhere),
 * or one of the data folder's own temp files directly in `dataDir`. An absolute, normalised path only, so that no
 * `..` or relative entry of a tampered list reaches elsewhere.
 */
export function isOwnTemp(dataDir: string, path: string): boolean {
  if (!isAbsolute(path) || normalize(path) !== path) return false;
  const name = basename(path);
  if (BACKUP_TEMP.test(name)) return true;
  return dirname(path) === normalize(dataDir) && (isStrayTempName(name) || name === SETUP_DATABASE);
}
