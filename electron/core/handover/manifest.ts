import { z } from 'zod';
import { AppError } from '@shared/errors';
import { ROLES, type Role } from '@shared/roles';
import { parseManifestCounts, readManifestRow } from '../db/file-manifest';
import type { Db } from '../db/open';

/** The table a handover file describes itself in; one row. Readable with any SQLCipher 4 tool. */
export const MANIFEST_TABLE = 'handover_manifest';
/** The staff the file's rows name as authors: id, display name and role, nothing more. */
export const STAFF_TABLE = 'handover_staff';

/** What a handover file says about itself. */
export interface Manifest {
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  sourceVaultId: string;
  exporterRole: Role;
  participantId: string;
  pseudonym: string;
  /** Rows per table that has any (the manifest's own row not counted). */
  counts: Record<string, number>;
  /** SHA-256 (hex) of the schema and every row but the manifest's: see digest.ts. */
  digest: string;
}

/** A member of staff named in a handover file. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
}

const hexId = z.string().regex(/^[0-9a-f]{32}$/);
const manifestRow = z.object({
  format_version: z.number().int().positive(),
  schema_version: z.number().int().nonnegative(),
  app_version: z.string().max(64),
  created_at: z.iso.datetime(),
  source_vault_id: hexId,
  exporter_role: z.enum(ROLES),
  participant_id: hexId,
  pseudonym: z.string().min(1).max(40),
  counts: z.string(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
const countsSchema = z.record(z.string(), z.number().int().positive());
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const staffRow = z.object({
  id: hexId,
  display_name: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !CONTROL_CHARACTERS.test(name)),
  role: z.enum(ROLES),
});

/** Creates the handover file's own tables (the vault's schema is made by its migrations). */
export function createHandoverTables(db: Db): void {
  db.exec(`
    CREATE TABLE ${MANIFEST_TABLE} (
      format_version INTEGER NOT NULL,
      schema_version INTEGER NOT NULL,
      app_version TEXT NOT NULL,
      created_at TEXT NOT NULL,
      source_vault_id TEXT NOT NULL,
      exporter_role TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      pseudonym TEXT NOT NULL,
      counts TEXT NOT NULL,
      digest TEXT NOT NULL
    ) STRICT;
    CREATE TABLE ${STAFF_TABLE} (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL
    ) STRICT;`);
}

export function writeManifest(db: Db, m: Manifest): void {
  db.prepare(
    `INSERT INTO ${MANIFEST_TABLE} (format_version, schema_version, app_version, created_at, source_vault_id,
       exporter_role, participant_id, pseudonym, counts, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.formatVersion,
    m.schemaVersion,
    m.appVersion,
    m.createdAt,
    m.sourceVaultId,
    m.exporterRole,
    m.participantId,
    m.pseudonym,
    JSON.stringify(m.counts),
    m.digest,
  );
}

/**
 * The manifest of an opened file; null when there is none (an SQLCipher database that is not a handover file).
 * A manifest that is there but malformed means the file was changed: `handover_damaged`.
 */
export function readManifest(db: Db): Manifest | null {
  const row = readManifestRow(db, MANIFEST_TABLE, manifestRow, 'handover_damaged');
  if (!row) return null;
  const counts = parseManifestCounts(row.counts, countsSchema, 'handover_damaged');
  return {
    formatVersion: row.format_version,
    schemaVersion: row.schema_version,
    appVersion: row.app_version,
    createdAt: row.created_at,
    sourceVaultId: row.source_vault_id,
    exporterRole: row.exporter_role,
    participantId: row.participant_id,
    pseudonym: row.pseudonym,
    counts,
    digest: row.digest,
  };
}

export function writeStaff(db: Db, staff: readonly StaffMember[]): void {
  const insert = db.prepare(`INSERT INTO ${STAFF_TABLE} (id, display_name, role) VALUES (?, ?, ?)`);
  for (const member of staff) insert.run(member.id, member.displayName, member.role);
}

/** The staff of an opened file, checked; anything malformed means the file was changed. */
export function readStaff(db: Db): StaffMember[] {
  const parsed = z.array(staffRow).safeParse(db.prepare(`SELECT id, display_name, role FROM ${STAFF_TABLE} ORDER BY id`).all());
  if (!parsed.success) throw new AppError('handover_damaged');
  return parsed.data.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role }));
}
