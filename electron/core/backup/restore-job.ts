import { AppError } from '@shared/errors';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { rekeyCipher } from '../db/cipher';
import type { Db, OpenOptions } from '../db/open';
import type { JobContext } from '../jobs/context';
import { writeSetting } from '../settings/repo';
import { findUser } from '../users/repo';
import { openWithPassphrase } from './cipher-file';
import { asReadError, asWriteError } from './errors';
import { fileOps, type FileFault } from '../fs/file-ops';
import { recordTemps } from './leftovers';
import { dropManifest } from './manifest';
import { checkContent, checkPages, checkSchema, readSupportedManifest } from './verify';

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
 * Writes a verified backup as a vault database at `target`: pages checked again (the file may have changed
 * since it was inspected), copied with VACUUM INTO, its schema and digest checked again on the copy, then rekeyed to the
 * vault's raw master key, the manifest dropped, this vault's settings written, migrated when older, the
 * coordinator checked, SQLite's integrity check, fsync. Nothing outside `target` is touched.
 */
export function restoreBackup(input: RestoreBackupInput, job: JobContext): RestoredDatabase {
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
    checkPages(input.backupPath, passphrase, job, 0, 0.2);
    copyBackup(input, passphrase, job);
    job.stopIfCancelled();

    let copy: Db;
    try {
      copy = openWithPassphrase(input.target, passphrase, input.driver);
    } catch (error) {
      throw asReadError(asWriteError(error));
    }
    let backupSchemaVersion: number;
    try {
      const manifest = readSupportedManifest(copy);
      backupSchemaVersion = manifest.schemaVersion;
      checkSchema(copy, manifest, input.driver);
      const digest = checkContent(copy, manifest, job, 0.4, 0.6);
      if (digest !== input.expectedDigest) throw new AppError('backup_not_inspected');
      job.stopIfCancelled();
      makeVaultDatabase(copy, input, masterKey, job);
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

function copyBackup(input: RestoreBackupInput, passphrase: Buffer, job: JobContext): void {
  let backup: Db;
  try {
    backup = openWithPassphrase(input.backupPath, passphrase, input.driver, true);
  } catch (error) {
    throw asReadError(error);
  }
  try {
    readSupportedManifest(backup);
    const bytes =
      (backup.pragma('page_count', { simple: true }) as number) * (backup.pragma('page_size', { simple: true }) as number);
    job.span(0.2, 0.4).watchFile(input.target, bytes);
    backup.prepare('VACUUM INTO ?').run(input.target);
  } catch (error) {
    throw asReadError(asWriteError(error));
  } finally {
    backup.close();
  }
}

function makeVaultDatabase(copy: Db, input: RestoreBackupInput, masterKey: Buffer, job: JobContext): void {
  copy.pragma('journal_mode=DELETE');
  copy.pragma('synchronous=FULL');
  const bytes = (copy.pragma('page_count', { simple: true }) as number) * (copy.pragma('page_size', { simple: true }) as number);
  job.span(0.6, 0.8).watchFile(`${input.target}-journal`, bytes);
  rekeyCipher(copy, { kind: 'raw', key: masterKey });
  job.span(0.8, 0.85);
  copy.pragma('foreign_keys=ON');
  copy.transaction(() => {
    dropManifest(copy);
    for (const [key, value] of input.settings) writeSetting(copy, key, value);
  })();
  migrate(copy, MIGRATIONS);
  const user = findUser(copy, input.userId);
  if (!user?.active || user.role !== 'coordinator') throw new AppError('backup_user_missing');
  job.span(0.85, 0.98);
  if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('backup_damaged');
}
