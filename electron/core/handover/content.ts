import type { Permission } from '@shared/roles';
import type { Db } from '../db/open';
import { participantTables, quoteName } from '../participants/row-graph';
import { MANIFEST_TABLE, STAFF_TABLE } from './manifest';

/** The rows of one table, with its column names in the table's order; integers as bigint, exactly as stored. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** One participant's file as a handover carries it. */
export interface CaseContent {
  participantId: string;
  /** The participant's own rows, every table after the tables its foreign keys point to. */
  tables: TableRows[];
  /** Rows outside the file that its rows point at (the groups the participant was enrolled in). */
  references: TableRows[];
  /** Staff accounts the rows point at (authors, the responsible caseworker), by id. */
  staffIds: string[];
}

/**
 * Never carried as the case's rows: a writer's unfinished notes and each user's screen arrangements are their own;
 * a handover file's own tables describe the file.
 */
const NEVER_CARRIED = new Set(['note_drafts', 'saved_views', 'last_views', MANIFEST_TABLE, STAFF_TABLE]);

/** Parts of a file carried only when the exporter's role may read them; everything else needs `participants.read`. */
const TABLE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  notes: 'notes.read',
  note_versions: 'notes.read',
  psychosocial_entries: 'psychosocial.read',
  psychosocial_versions: 'psychosocial.read',
  psychosocial_private: 'psychosocial.private',
  psychosocial_private_versions: 'psychosocial.private',
};

/**
 * Tables outside a participant's file that the file's rows may point at, and that a handover therefore carries
 * the pointed-at rows of. Staff accounts (`users`) are carried apart, as names only. A schema change that makes
 * the file point at any other table fails here (and in the tests) until the handover knows what to do with it.
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set(['cohorts']);

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

export function foreignKeysOf(db: Db, table: string): ForeignKey[] {
  return db.pragma(`foreign_key_list(${quoteName(table)})`) as ForeignKey[];
}

export function columnsOf(db: Db, table: string): { name: string; type: string; pk: number }[] {
  return db.pragma(`table_info(${quoteName(table)})`) as { name: string; type: string; pk: number }[];
}

function readRows(db: Db, table: string, where: string, params: unknown[]): TableRows {
  const columns = columnsOf(db, table).map((c) => c.name);
  const list = columns.map(quoteName).join(', ');
  const rows = db
    .prepare(`SELECT ${list} FROM ${quoteName(table)} WHERE ${where}`)
    .raw()
    .safeIntegers()
    .all(...params) as unknown[][];
  return { table, columns, rows };
}

/** The distinct non-null values of `column` in `rows`. */
function valuesOf(rows: TableRows, column: string): unknown[] {
  const at = rows.columns.indexOf(column);
  return [...new Set(rows.rows.map((row) => row[at]).filter((value) => value !== null))];
}

/**
 * Reads a participant's file from `db` (the vault, or a handover file): every table of their row graph that the
 * reader is `permitted` to carry, the groups those rows point at, and the staff they name. A table whose rows
 * hang under a table left out is left out too, so that no row points at one that is not there.
 */
export function collectCase(db: Db, participantId: string, permitted: (p: Permission) => boolean): CaseContent {
  const steps = participantTables(db, participantId);
  const inGraph = new Set(steps.map((s) => s.table));
  const left = new Set(
    steps
      .map((s) => s.table)
      .filter((t) => NEVER_CARRIED.has(t) || (TABLE_PERMISSIONS[t] !== undefined && !permitted(TABLE_PERMISSIONS[t]))),
  );
  for (const step of steps) {
    if (foreignKeysOf(db, step.table).some((key) => key.table !== step.table && left.has(key.table))) left.add(step.table);
  }

  const tables = steps.filter((s) => !left.has(s.table)).map((s) => readRows(db, s.table, s.where, s.params));
  const staff = new Set<string>();
  const pointedAt = new Map<string, Map<string, Set<unknown>>>();
  const follow = (rows: TableRows, allowReferences: boolean) => {
    for (const key of foreignKeysOf(db, rows.table)) {
      if (inGraph.has(key.table)) continue;
      const values = valuesOf(rows, key.from);
      if (key.table === 'users') {
        for (const value of values) staff.add(String(value));
      } else if (allowReferences && REFERENCE_TABLES.has(key.table)) {
        const byColumn = pointedAt.get(key.table) ?? new Map<string, Set<unknown>>();
        const column = key.to ?? 'id';
        byColumn.set(column, new Set([...(byColumn.get(column) ?? []), ...values]));
        pointedAt.set(key.table, byColumn);
      } else if (values.length > 0) {
        throw new Error(`rows of ${rows.table} point at ${key.table}, which a handover does not carry`);
      }
    }
  };
  for (const rows of tables) follow(rows, true);

  const references: TableRows[] = [];
  for (const [table, byColumn] of [...pointedAt].sort(([a], [b]) => a.localeCompare(b))) {
    const conditions = [...byColumn].map(([column, values]) => ({ column, values: [...values] }));
    const where = conditions.map((c) => `${quoteName(c.column)} IN (${c.values.map(() => '?').join(', ')})`).join(' OR ');
    const rows = readRows(
      db,
      table,
      where || '0',
      conditions.flatMap((c) => c.values),
    );
    follow(rows, false);
    references.push(rows);
  }
  return { participantId, tables, references, staffIds: [...staff].sort() };
}

/** Rows per table of a case (tables without rows left out). */
export function caseCounts(content: CaseContent): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rows of [...content.tables, ...content.references]) if (rows.rows.length > 0) counts[rows.table] = rows.rows.length;
  return counts;
}
