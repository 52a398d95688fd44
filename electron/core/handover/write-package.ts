import { randomBytes } from 'node:crypto';
import { HANDOVER_FORMAT_VERSION } from '@shared/handover';
import { migrate, schemaVersion, type Migration } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db, OpenOptions } from '../db/open';
import { removeIfExists } from '../fs/atomic';
import { fileOps, type FileOps } from '../fs/file-ops';
import { quoteName } from '../participants/row-graph';
import { columnsOf, type CaseContent, type TableRows } from './content';
import { contentDigest, countRows } from './digest';
import { asWriteError } from './errors';
import { createHandoverTables, writeManifest, writeStaff, type Manifest, type StaffMember } from './manifest';
import { derivePackageKey, openPackage } from './package-key';

/** What a handover file says about where it comes from; the rest of its manifest is computed from its rows. */
export type PackageOrigin = Pick<Manifest, 'appVersion' | 'createdAt' | 'sourceVaultId' | 'exporterRole' | 'pseudonym'>;

export interface PackageToWrite {
  destination: string;
  passphrase: string;
  content: CaseContent;
  staff: readonly StaffMember[];
  origin: PackageOrigin;
  driver: OpenOptions;
  /** The file operations (failing where a test injects faults). */
  ops?: FileOps;
  /** The schema to write; this version's own except in tests of reading files from older versions. */
  migrations?: readonly Migration[];
}

/**
 * Writes a handover file: at a new temp name beside the destination ('wx', owner-only), the vault's schema made by
 * its migrations, the case's rows, the staff names and the manifest with counts and digest; flushed, then renamed
 * over the destination. On any failure the temp file is removed and the destination is untouched. Returns the
 * manifest's counts.
 */
export async function writePackage(p: PackageToWrite): Promise<Record<string, number>> {
  const key = await derivePackageKey(p.passphrase);
  const temp = `${p.destination}.tmp-${randomBytes(8).toString('hex')}`;
  let db: Db | null = null;
  const ops = p.ops ?? fileOps();
  try {
    ops.createExclusive(temp);
    db = openPackage(temp, key, p.driver);
    migrate(db, p.migrations ?? MIGRATIONS);
    // Lets other work of the event loop run between the two steps, each a few tens of milliseconds at most.
    await new Promise((resolve) => setImmediate(resolve));
    const counts = fill(db, p);
    db.close();
    db = null;
    ops.fsyncFile(temp);
    ops.renameDurably(temp, p.destination);
    return counts;
  } catch (error) {
    db?.close();
    removeIfExists(temp);
    throw asWriteError(error);
  } finally {
    key.wipe();
  }
}

function fill(db: Db, p: PackageToWrite): Record<string, number> {
  return db.transaction(() => {
    createHandoverTables(db);
    const existing = new Set(
      (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
    );
    // Migration 0018 seeds every database it makes with the instrument's first version; a handover file holds only
    // the versions its assessments were made with, which come with the references.
    if (existing.has('assessment_instruments')) db.exec('DELETE FROM assessment_instruments');
    for (const rows of [...p.content.references, ...p.content.tables]) {
      // A file for an older schema (tests only) has no place for tables or columns that came later.
      if (existing.has(rows.table)) insertRows(db, rows);
    }
    writeStaff(db, p.staff);
    const counts = countRows(db);
    writeManifest(db, {
      ...p.origin,
      formatVersion: HANDOVER_FORMAT_VERSION,
      schemaVersion: schemaVersion(db),
      participantId: p.content.participantId,
      counts,
      digest: contentDigest(db),
    });
    return counts;
  })();
}

function insertRows(db: Db, rows: TableRows): void {
  if (rows.rows.length === 0) return;
  const held = new Set(columnsOf(db, rows.table).map((c) => c.name));
  const columns = rows.columns.filter((name) => held.has(name));
  const at = columns.map((name) => rows.columns.indexOf(name));
  const insert = db.prepare(
    `INSERT INTO ${quoteName(rows.table)} (${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows.rows) insert.run(...at.map((i) => row[i]));
}
