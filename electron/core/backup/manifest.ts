import { z } from 'zod';
import { BACKUP_FORMAT_VERSION, BACKUP_FORMAT_WITH_HEAD } from '@shared/backup';
import { parseManifestCounts, readManifestRow } from '../db/file-manifest';
import type { Db } from '../db/open';

/** The table a backup file describes itself in; one row. Readable with any SQLCipher 4 tool. */
export const MANIFEST_TABLE = 'polku_backup_manifest';

/** What a backup file says about itself. */
export interface Manifest {
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  vaultId: string;
  /** Rows per table of the app (not SQLite's or the search index's internals). */
  counts: Record<string, number>;
  /** SHA-256 (hex) of the schema and every row of every table but this one: see content.ts. */
  digest: string;
  /** The newest audit row of the copy (format 2 on); null in a format 1 file or for an empty log. */
  auditHead: { id: number; hash: string } | null;
}

const manifestRow = z.object({
  format_version: z.number().int().positive(),
  schema_version: z.number().int().nonnegative(),
  app_version: z.string().max(64),
  created_at: z.iso.datetime(),
  vault_id: z.string().max(64),
  counts: z.string(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  audit_head_id: z.number().int().positive().nullable().optional(),
  audit_head_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
});
const countsSchema = z.record(z.string(), z.number().int().nonnegative());

/**
 * Creates the manifest's table of a backup format: in a backup file being written, and in the reference its schema
 * is checked against (a format 1 file's table has no head columns).
 */
export function createManifestTable(db: Db, formatVersion = BACKUP_FORMAT_VERSION, schema = 'main'): void {
  if (formatVersion >= BACKUP_FORMAT_WITH_HEAD) {
    db.exec(`
    CREATE TABLE ${schema}.${MANIFEST_TABLE} (
      format_version INTEGER NOT NULL,
      schema_version INTEGER NOT NULL,
      app_version TEXT NOT NULL,
      created_at TEXT NOT NULL,
      vault_id TEXT NOT NULL,
      counts TEXT NOT NULL,
      digest TEXT NOT NULL,
      audit_head_id INTEGER,
      audit_head_hash TEXT
    ) STRICT`);
    return;
  }
  db.exec(`
    CREATE TABLE ${schema}.${MANIFEST_TABLE} (
      format_version INTEGER NOT NULL,
      schema_version INTEGER NOT NULL,
      app_version TEXT NOT NULL,
      created_at TEXT NOT NULL,
      vault_id TEXT NOT NULL,
      counts TEXT NOT NULL,
      digest TEXT NOT NULL
    ) STRICT`);
}

/** Adds the manifest to a backup file being written. */
export function writeManifest(db: Db, manifest: Manifest, schema = 'main'): void {
  createManifestTable(db, BACKUP_FORMAT_VERSION, schema);
  db.prepare(
    `INSERT INTO ${schema}.${MANIFEST_TABLE}
       (format_version, schema_version, app_version, created_at, vault_id, counts, digest, audit_head_id, audit_head_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    manifest.formatVersion,
    manifest.schemaVersion,
    manifest.appVersion,
    manifest.createdAt,
    manifest.vaultId,
    JSON.stringify(manifest.counts),
    manifest.digest,
    manifest.auditHead?.id ?? null,
    manifest.auditHead?.hash ?? null,
  );
}

/**
 * The manifest of an opened backup; null when the file has none (an SQLCipher database that is not a Polku
 * backup). A manifest that is there but unreadable means the file was changed: `backup_damaged`.
 */
export function readManifest(db: Db): Manifest | null {
  const row = readManifestRow(db, MANIFEST_TABLE, manifestRow, 'backup_damaged');
  if (!row) return null;
  const counts = parseManifestCounts(row.counts, countsSchema, 'backup_damaged');
  return {
    formatVersion: row.format_version,
    schemaVersion: row.schema_version,
    appVersion: row.app_version,
    createdAt: row.created_at,
    vaultId: row.vault_id,
    counts,
    digest: row.digest,
    auditHead: row.audit_head_id && row.audit_head_hash ? { id: row.audit_head_id, hash: row.audit_head_hash } : null,
  };
}
