import { statSync } from 'node:fs';
import { BACKUP_FORMAT_VERSION, type BackupSummary } from '@shared/backup';
import { AppError } from '@shared/errors';
import { latestVersion, schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db, OpenOptions } from '../db/open';
import { schemaMatchesMigrations } from '../db/schema-match';
import type { JobContext } from '../jobs/context';
import { verifyPassphraseFile } from '../vault/verifier';
import { openWithPassphrase, sniffFile } from './cipher-file';
import { contentDigest, contentTables, countRows, totalRows } from './content';
import { asReadError } from './errors';
import { cacheWholeFile } from './export';
import { createManifestTable, readManifest, type Manifest } from './manifest';

/** A coordinator found in a backup: who may take over the vault it restores on a new laptop. */
export interface BackupCoordinator {
  id: string;
  displayName: string;
}

export interface VerifiedBackup {
  summary: BackupSummary;
  digest: string;
  coordinators: BackupCoordinator[];
}

/**
 * Checks a backup file completely before anything trusts it, within the progress stretch [from, to]: not a
 * plaintext database; every page authentic under the passphrase (page 1 failing means a wrong passphrase or
 * not a backup at all, a later page means damage); a manifest of a format and schema this version reads;
 * SQLite's integrity check; exactly the schema this version's migrations make at the backup's schema version; and
 * the counts and digest recomputed from the rows.
 *
 * `justWritten`: the file this job has just written with the one-pass copy. It has no free page, so SQLite's
 * integrity check reads every page of it, and SQLCipher authenticates each page as it is read (a page that fails
 * is SQLITE_CORRUPT, `backup_damaged`): the separate pass over every page's HMAC would read the whole file a
 * second time for nothing. Should such a file have free pages after all, that pass is made too.
 */
export function verifyBackupFile(
  path: string,
  passphrase: Buffer,
  o: { driver: OpenOptions; job: JobContext; from: number; to: number; listCoordinators: boolean; justWritten?: boolean },
): VerifiedBackup {
  const at = (fraction: number) => o.from + (o.to - o.from) * fraction;
  let bytes: number;
  try {
    bytes = statSync(path).size;
    const kind = sniffFile(path);
    if (kind === 'plaintext') throw new AppError('backup_not_encrypted');
    if (kind === 'short') throw new AppError('backup_wrong_passphrase');
  } catch (error) {
    throw asReadError(error);
  }
  if (!o.justWritten) checkPages(path, passphrase, o.job, at(0), at(0.4));

  let db: Db;
  try {
    db = openWithPassphrase(path, passphrase, o.driver, true);
  } catch (error) {
    throw asReadError(error);
  }
  try {
    // The integrity check decrypts every page once; the digest then reads them from memory.
    cacheWholeFile(db);
    if (o.justWritten && db.pragma('freelist_count', { simple: true }) !== 0) {
      checkPages(path, passphrase, o.job, at(0), at(0.4));
    }
    const manifest = readSupportedManifest(db);
    o.job.stopIfCancelled();
    o.job.span(at(0.4), at(0.55));
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('backup_damaged');
    checkSchema(db, manifest, o.driver);
    const digest = checkContent(db, manifest, o.job, at(0.55), at(1));
    const summary: BackupSummary = {
      formatVersion: manifest.formatVersion,
      schemaVersion: manifest.schemaVersion,
      appVersion: manifest.appVersion,
      createdAt: manifest.createdAt,
      counts: manifest.counts,
      bytes,
    };
    return { summary, digest, coordinators: o.listCoordinators ? coordinatorsIn(db) : [] };
  } catch (error) {
    throw asReadError(error);
  } finally {
    db.close();
  }
}

/** Every page's HMAC under the passphrase, without SQLite. */
export function checkPages(path: string, passphrase: Buffer, job: JobContext, from: number, to: number): void {
  const span = job.span(from, to);
  let firstBadPage: number | null;
  try {
    firstBadPage = verifyPassphraseFile(path, passphrase, (done, pages) => {
      job.stopIfCancelled();
      span.set(done / pages);
    }).firstBadPage;
  } catch (error) {
    throw asReadError(error);
  }
  if (firstBadPage === 1) throw new AppError('backup_wrong_passphrase');
  if (firstBadPage !== null) throw new AppError('backup_damaged');
}

/** The manifest, refused when missing (not a Polku backup) or newer than this version reads. */
export function readSupportedManifest(db: Db): Manifest {
  const manifest = readManifest(db);
  if (!manifest) throw new AppError('backup_wrong_passphrase');
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) throw new AppError('backup_newer');
  if (manifest.schemaVersion > latestVersion(MIGRATIONS)) throw new AppError('backup_newer');
  if (schemaVersion(db) !== manifest.schemaVersion) throw new AppError('backup_damaged');
  return manifest;
}

/**
 * The backup's schema must be exactly the vault's at its schema version with the manifest's table: a trigger, view,
 * index or table more, or a changed table, re-sealed by someone who knows the passphrase, is refused.
 */
export function checkSchema(db: Db, manifest: Manifest, driver: OpenOptions): void {
  const manifestTable = (reference: Db) => createManifestTable(reference, manifest.formatVersion);
  if (!schemaMatchesMigrations(db, manifest.schemaVersion, driver, manifestTable)) {
    throw new AppError('backup_schema_foreign');
  }
}

/** Recounts and re-digests the rows; both must match the manifest. Returns the digest. */
export function checkContent(db: Db, manifest: Manifest, job: JobContext, from: number, to: number): string {
  const tables = contentTables(db);
  const counts = countRows(db, tables);
  const sameCounts =
    Object.keys(counts).length === Object.keys(manifest.counts).length &&
    Object.entries(counts).every(([table, rows]) => manifest.counts[table] === rows);
  if (!sameCounts) throw new AppError('backup_damaged');
  const total = Math.max(1, totalRows(db, tables));
  const span = job.span(from, to);
  const digest = contentDigest(db, tables, (rows) => {
    job.stopIfCancelled();
    span.set(rows / total);
  });
  if (digest !== manifest.digest) throw new AppError('backup_damaged');
  return digest;
}

function coordinatorsIn(db: Db): BackupCoordinator[] {
  return db
    .prepare(`SELECT id, display_name AS displayName FROM users WHERE role = 'coordinator' AND active = 1 ORDER BY display_name`)
    .all() as BackupCoordinator[];
}
