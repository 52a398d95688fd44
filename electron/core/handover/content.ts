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
  referrals: 'referrals.read',
  referral_events: 'referrals.read',
  plans: 'plans.read',
  plan_goals: 'plans.read',
  plan_steps: 'plans.read',
  plan_versions: 'plans.read',
  assessments: 'assessments.read',
  assessment_answers: 'assessments.read',
};

/**
 * Tables outside a participant's file that the file's rows may point at, and that a handover therefore carries
 * the pointed-at rows of: the groups the participant was enrolled in, and the sessions their attendance marks are
 * for (with those sessions' groups), and the instrument versions their assessments were made with, so that an
 * assessment reads with its own version's words in an office that lacks that version. Staff accounts (`users`) are carried apart, as names only. A schema change
 * that makes the file point at any other table fails here (and in the tests) until the handover knows what to do
 * with it.
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set(['cohorts', 'cohort_sessions', 'assessment_instruments']);

/**
 * Columns of reference rows that a handover leaves empty: the file needs a session's day, time, topic and state
 * for its marks to mean something, not the programme's own records around it. The partner organisation (with its
 * contact persons and notes) is the sending programme's register, and a copy would clash with the receiving one's;
 * the guest is a named person; the group notes are the group's, not the participant's.
 */
export const REFERENCE_BLANKED: Readonly<Record<string, readonly string[]>> = {
  cohort_sessions: ['partner_id', 'guest', 'notes'],
};

/**
 * Columns of the case's own rows that a handover leaves empty: a referral names its partner and contact person
 * (`partner_name`, `contact_name`) and travels with the file, but the partner register it points into is the
 * sending programme's, so the pointers stay behind, as for the sessions' partners above.
 */
export const CASE_BLANKED: Readonly<Record<string, readonly string[]>> = {
  referrals: ['partner_id', 'contact_id'],
};

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

  const tables = steps
    .filter((s) => !left.has(s.table))
    .map((s) => blank(readRows(db, s.table, s.where, s.params), CASE_BLANKED[s.table]));
  const staff = new Set<string>();
  const pointedAt = new Map<string, Map<string, Set<unknown>>>();
  const follow = (rows: TableRows) => {
    for (const key of foreignKeysOf(db, rows.table)) {
      if (inGraph.has(key.table) || key.table === rows.table) continue;
      const values = valuesOf(rows, key.from);
      if (key.table === 'users') {
        for (const value of values) staff.add(String(value));
      } else if (REFERENCE_TABLES.has(key.table)) {
        const byColumn = pointedAt.get(key.table) ?? new Map<string, Set<unknown>>();
        const column = key.to ?? 'id';
        byColumn.set(column, new Set([...(byColumn.get(column) ?? []), ...values]));
        pointedAt.set(key.table, byColumn);
      } else if (values.length > 0) {
        throw new Error(`rows of ${rows.table} point at ${key.table}, which a handover does not carry`);
      }
    }
  };
  for (const rows of tables) follow(rows);

  // A reference may point at another (a session at its group): read until no new row is pointed at.
  const read = new Map<string, TableRows>();
  const size = () =>
    [...pointedAt.values()].reduce((n, byColumn) => n + [...byColumn.values()].reduce((m, v) => m + v.size, 0), 0);
  for (let before = -1; before !== size(); ) {
    before = size();
    for (const [table, byColumn] of pointedAt) {
      const rows = readReferences(db, table, byColumn);
      read.set(table, rows);
      follow(rows);
    }
  }
  const references = referenceOrder(db, [...read.keys()]).map((table) => read.get(table)!);
  return { participantId, tables, references, staffIds: [...staff].sort() };
}

/** The rows of `table` whose `column` holds one of the values, with the columns a handover leaves empty blanked. */
function readReferences(db: Db, table: string, byColumn: Map<string, Set<unknown>>): TableRows {
  const conditions = [...byColumn].map(([column, values]) => ({ column, values: [...values] }));
  const where = conditions.map((c) => `${quoteName(c.column)} IN (${c.values.map(() => '?').join(', ')})`).join(' OR ');
  const rows = readRows(
    db,
    table,
    where || '0',
    conditions.flatMap((c) => c.values),
  );
  return blank(rows, REFERENCE_BLANKED[table]);
}

/** The rows with the named columns emptied. */
function blank(rows: TableRows, columns: readonly string[] = []): TableRows {
  const blanked = columns.map((column) => rows.columns.indexOf(column)).filter((at) => at >= 0);
  for (const row of rows.rows) for (const at of blanked) row[at] = null;
  return rows;
}

/** Reference tables with every table after those it points at (the order to insert them in), by name otherwise. */
function referenceOrder(db: Db, tables: readonly string[]): string[] {
  const ordered: string[] = [];
  const place = (table: string) => {
    if (ordered.includes(table)) return;
    for (const key of foreignKeysOf(db, table)) if (key.table !== table && tables.includes(key.table)) place(key.table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) place(table);
  return ordered;
}

/** Rows per table of a case (tables without rows left out). */
export function caseCounts(content: CaseContent): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rows of [...content.tables, ...content.references]) if (rows.rows.length > 0) counts[rows.table] = rows.rows.length;
  return counts;
}
