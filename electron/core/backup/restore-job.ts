import { AppError } from '@shared/errors';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db, OpenOptions } from '../db/open';
import type { JobContext } from '../jobs/context';
import { writeSetting } from '../settings/repo';
import { findUser } from '../users/repo';
import { openWithPassphrase, openWithRawKey } from './cipher-file';
import { cacheWholeFile, exportDatabase } from './export';
import { asReadError, asRestoreError, asWriteError } from './errors';
import { fileOps, type FileFault } from '../fs/file-ops';
import { recordTemps } from './leftovers';
import { MANIFEST_TABLE } from './manifest';
import { checkContent, checkSchema, readSupportedManifest } from './verify';

export interface RestoreBackupInput {
  backupPath: string;
  passphrase: Uint8Array;
  /** The new database file to write (beside the vault's); the main side swaps it in. */
  target: string;
  /** Where `target` is written down first, so that the next start removes it after a crash; none on a first setup. */
  tempList: string | null;
  masterKey: Uint8Array;
  /** The digest the backup had when it was inspected: the file must still be that backup. */
  expectedDigest: string;
  /** The coordinator who will open the restored vault: must be an active coordinator in the backup. */
  userId: string;
  /** Settings the restored database takes from this laptop's vault (its id, the recovery and backup state). */
  settings: [key: string, value: unknown][];
  driver: OpenOptions;
  faults: FileFault[];
}

export interface RestoredDatabase {
  /** Schema version of the backup, before migration to this version's. */
  backupSchemaVersion: number;
}

/**
 * Writes a verified backup as a vault database at `target`: in one read transaction of the backup, its manifest,
 * schema and digest checked again (it may have changed since it was inspected, and must still be the backup that
 * was) and one copy written under the vault's raw master key (export.ts);
 * then on the copy the manifest dropped, this vault's settings written, migrations run when older, the coordinator
 * checked, SQLite's integrity check, fsync. Nothing outside `target` is touched.
 */
export function restoreBackup(input: RestoreBackupInput, job: JobContext): RestoredDatabase {
  try {
    return writeRestored(input, job);
  } catch (error) {
    throw asRestoreError(error);
  }
}

function writeRestored(input: RestoreBackupInput, job: JobContext): RestoredDatabase {
  const passphrase = Buffer.from(input.passphrase.buffer, input.passphrase.byteOffset, input.passphrase.byteLength);
  const masterKey = Buffer.from(input.masterKey.buffer, input.masterKey.byteOffset, input.masterKey.byteLength);
  const ops = fileOps(input.faults);
  try {
    try {
      if (input.tempList) recordTemps(input.tempList, [input.target]);
      ops.createExclusive(input.target);
    } catch (error) {
      throw asWriteError(error);
    }
    // No separate pass over the pages: every page this copy uses is read by the digest or the copy itself, and
    // SQLCipher authenticates each as it reads it (a page changed since the inspection is SQLITE_CORRUPT, or a
    // digest that is no longer the inspected one); a free page it never reads is not copied either.
    const backupSchemaVersion = copyBackup(input, passphrase, masterKey, job);
    job.stopIfCancelled();

    let copy: Db;
    try {
      copy = openWithRawKey(input.target, masterKey, input.driver);
    } catch (error) {
      throw asReadError(asWriteError(error));
    }
    try {
      makeVaultDatabase(copy, input, job);
    } catch (error) {
      throw asReadError(asWriteError(error));
    } finally {
      copy.close();
    }
    job.span(0.98, 1);
    try {
      ops.fsyncFile(input.target);
    } catch (error) {
      throw asWriteError(error);
    }
    return { backupSchemaVersion };
  } finally {
    passphrase.fill(0);
    masterKey.fill(0);
  }
}

/** The backup checked and copied under the master key in one read transaction; returns its schema version. */
function copyBackup(input: RestoreBackupInput, passphrase: Buffer, masterKey: Buffer, job: JobContext): number {
  let backup: Db;
  try {
    // Read-write only because the target is attached to it: nothing is written to the backup.
    backup = openWithPassphrase(input.backupPath, passphrase, input.driver);
  } catch (error) {
    throw asReadError(error);
  }
  try {
    cacheWholeFile(backup);
    const bytes =
      (backup.pragma('page_count', { simple: true }) as number) * (backup.pragma('page_size', { simple: true }) as number);
    let schema = 0;
    exportDatabase(
      backup,
      input.target,
      { kind: 'raw', key: masterKey },
      {
        inside: () => {
          const manifest = readSupportedManifest(backup);
          schema = manifest.schemaVersion;
          checkSchema(backup, manifest, input.driver);
          const digest = checkContent(backup, manifest, job, 0, 0.45);
          if (digest !== input.expectedDigest) throw new AppError('backup_not_inspected');
          job.stopIfCancelled();
          job.span(0.45, 0.75).watchFile(input.target, bytes);
        },
        between: () => job.stopIfCancelled(),
        // The manifest belongs to the backup file, not to a vault.
        leaveOut: MANIFEST_TABLE,
      },
    );
    return schema;
  } catch (error) {
    throw asReadError(asWriteError(error));
  } finally {
    backup.close();
  }
}

function makeVaultDatabase(copy: Db, input: RestoreBackupInput, job: JobContext): void {
  copy.pragma('journal_mode=DELETE');
  copy.pragma('synchronous=FULL');
  job.span(0.75, 0.8);
  copy.pragma('foreign_keys=ON');
  copy.transaction(() => {
    for (const [key, value] of input.settings) writeSetting(copy, key, value);
  })();
  migrate(copy, MIGRATIONS);
  const user = findUser(copy, input.userId);
  if (!user?.active || user.role !== 'coordinator') throw new AppError('backup_user_missing');
  job.span(0.8, 0.98);
  if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('backup_damaged');
}
