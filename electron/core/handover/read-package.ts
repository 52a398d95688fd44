import { readFileSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { HANDOVER_FORMAT_VERSION } from '@shared/handover';
import { latestVersion, migrate, schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db, OpenOptions } from '../db/open';
import { schemaMatchesMigrations } from '../db/schema-match';
import { removeIfExists } from '../fs/atomic';
import { fileOps, type FileOps } from '../fs/file-ops';
import { handoverCopyPath } from '../fs/temp-files';
import { verifyDatabaseFile } from '../vault/verifier';
import { caseCounts, collectCase, type CaseContent } from './content';
import { contentDigest, countRows, sameCounts } from './digest';
import { asReadError } from './errors';
import { createHandoverTables, readManifest, readStaff, STAFF_TABLE, type Manifest, type StaffMember } from './manifest';
import { derivePackageKey, openPackage, SALT_LENGTH, type PackageKey } from './package-key';

const PAGE_SIZE = 4096;
const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A handover file checked in full and read into memory: what an import writes. */
export interface ReadPackage {
  manifest: Manifest;
  content: CaseContent;
  staff: StaffMember[];
}

/**
 * Reads a handover file and checks everything before anything trusts it: a private copy in `workFolder` (so the
 * file cannot change between the checks and the reading), every page authentic under the passphrase (page 1
 * failing means a wrong passphrase or not a handover file at all, a later page means damage), a manifest of a
 * format and schema this version reads, SQLite's integrity check, exactly the schema this version's migrations
 * make, the counts and digest recomputed from the rows, and nothing in it but the one participant's file. A file
 * from an older schema is then brought up to date on the copy. The copy is removed whatever happens.
 */
export async function readPackage(
  path: string,
  passphrase: string,
  workFolder: string,
  driver: OpenOptions,
  ops: FileOps = fileOps(),
): Promise<ReadPackage> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw asReadError(error);
  }
  if (bytes.length < PAGE_SIZE || bytes.subarray(0, 16).equals(SQLITE_PLAINTEXT_HEADER)) {
    throw new AppError('handover_wrong_passphrase');
  }
  const copy = handoverCopyPath(workFolder);
  const key = await derivePackageKey(passphrase, Buffer.from(bytes.subarray(0, SALT_LENGTH)));
  let db: Db | null = null;
  try {
    ops.writeNew(copy, bytes);
    await breather();
    checkPages(copy, key);
    await breather();
    db = openPackage(copy, key, driver);
    const manifest = checkStructure(db, driver);
    await breather();
    let content = checkRows(db, manifest);
    if (manifest.schemaVersion < latestVersion(MIGRATIONS)) {
      await breather();
      migrate(db, MIGRATIONS);
      content = collectCase(db, manifest.participantId, () => true);
    }
    const staff = readStaff(db);
    checkStaff(content, staff);
    return { manifest, content, staff };
  } catch (error) {
    throw asReadError(error);
  } finally {
    db?.close();
    key.wipe();
    removeIfExists(copy);
  }
}

function checkPages(path: string, key: PackageKey): void {
  const { firstBadPage } = verifyDatabaseFile(path, key.key);
  if (firstBadPage === 1) throw new AppError('handover_wrong_passphrase');
  if (firstBadPage !== null) throw new AppError('handover_damaged');
}

/** Lets other work of the event loop run between the steps of a check (each a few tens of milliseconds at most). */
function breather(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The manifest, once the file's version, integrity and schema have been checked. */
function checkStructure(db: Db, driver: OpenOptions): Manifest {
  const manifest = readManifest(db);
  // An SQLCipher database under this passphrase that is not a handover file (a backup, say).
  if (!manifest) throw new AppError('handover_wrong_passphrase');
  if (manifest.formatVersion > HANDOVER_FORMAT_VERSION) throw new AppError('handover_newer');
  if (manifest.schemaVersion > latestVersion(MIGRATIONS)) throw new AppError('handover_newer');
  if (schemaVersion(db) !== manifest.schemaVersion) throw new AppError('handover_damaged');
  if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('handover_damaged');
  if (!schemaMatchesMigrations(db, manifest.schemaVersion, driver, createHandoverTables)) throw new AppError('handover_damaged');
  return manifest;
}

/** The case as the file holds it, once its rows match the manifest's counts and digest and hold nothing else. */
function checkRows(db: Db, manifest: Manifest): CaseContent {
  const counts = countRows(db);
  if (!sameCounts(counts, manifest.counts) || contentDigest(db) !== manifest.digest) throw new AppError('handover_damaged');

  // Everything in the file must be the one participant's file and the staff it names: nothing else is imported,
  // so nothing else may hide in it.
  const content = collectCase(db, manifest.participantId, () => true);
  const held = caseCounts(content);
  if (counts[STAFF_TABLE] !== undefined) held[STAFF_TABLE] = counts[STAFF_TABLE];
  const participants = content.tables.find((t) => t.table === 'participants');
  const pseudonymAt = participants?.columns.indexOf('pseudonym') ?? -1;
  if (participants?.rows.length !== 1 || participants.rows[0]![pseudonymAt] !== manifest.pseudonym) {
    throw new AppError('handover_damaged');
  }
  if (!sameCounts(held, counts)) throw new AppError('handover_damaged');
  return content;
}

/** Every member of staff the rows name is in the file's staff table. */
function checkStaff(content: CaseContent, staff: readonly StaffMember[]): void {
  const known = new Set(staff.map((s) => s.id));
  if (content.staffIds.some((id) => !known.has(id))) throw new AppError('handover_damaged');
}
