import type { Db } from '../db/open';

/** One step of removing a participant: the rows of `table` that `where` picks. */
interface Step {
  table: string;
  where: string;
  params: unknown[];
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Ordinary tables of the schema (no SQLite internals, no virtual tables or their shadow tables). */
function ordinaryTables(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`,
    )
    .all() as { name: string }[];
  const virtual = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  // FTS5 keeps its index in shadow tables named after the virtual table (notes_fts_data...): the virtual
  // table's own triggers or deletes keep them in step, never a direct delete.
  return rows.map((r) => r.name).filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)));
}

function primaryKeyOf(db: Db, table: string): string {
  const columns = db.pragma(`table_info(${quote(table)})`) as { name: string; pk: number }[];
  return columns.find((c) => c.pk === 1)?.name ?? 'rowid';
}

/** Tables whose foreign keys point at `parent`, with the columns on both sides. */
function childrenOf(db: Db, tables: readonly string[], parent: string): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const table of tables) {
    const keys = db.pragma(`foreign_key_list(${quote(table)})`) as { table: string; from: string; to: string | null }[];
    for (const key of keys) if (key.table === parent) out.push({ table, from: key.from, to: key.to });
  }
  return out;
}

/**
 * Every row that belongs to a participant, children before parents: rows whose foreign keys lead to the
 * participant (at any depth), and rows of any table with a `participant_id` column even without a declared key.
 * Read from the schema, so a table added by a later migration is covered without being listed here.
 */
function plan(db: Db, participantId: string): Step[] {
  const tables = ordinaryTables(db);
  const steps: Step[] = [];
  const visit = (table: string, where: string, params: unknown[], depth: number) => {
    if (depth > 8) throw new Error('foreign keys nest too deep');
    const key = primaryKeyOf(db, table);
    for (const child of childrenOf(db, tables, table)) {
      if (child.table === table) continue;
      const parentColumn = child.to ?? key;
      visit(
        child.table,
        `${quote(child.from)} IN (SELECT ${quote(parentColumn)} FROM ${quote(table)} WHERE ${where})`,
        params,
        depth + 1,
      );
    }
    steps.push({ table, where, params });
  };
  for (const table of tables) {
    if (table === 'participants') continue;
    const columns = db.pragma(`table_info(${quote(table)})`) as { name: string }[];
    if (columns.some((c) => c.name === 'participant_id')) visit(table, 'participant_id = ?', [participantId], 1);
  }
  visit('participants', 'id = ?', [participantId], 0);
  return steps;
}

/** How many rows of each table a deletion would remove; a row reached by two paths counts once. */
export function countParticipantRows(db: Db, participantId: string): Record<string, number> {
  const byTable = new Map<string, Step[]>();
  for (const step of plan(db, participantId)) byTable.set(step.table, [...(byTable.get(step.table) ?? []), step]);
  const counts: Record<string, number> = {};
  for (const [table, steps] of byTable) {
    const where = steps.map((s) => `(${s.where})`).join(' OR ');
    const { n } = db
      .prepare(`SELECT count(*) AS n FROM ${quote(table)} WHERE ${where}`)
      .get(...steps.flatMap((s) => s.params)) as {
      n: number;
    };
    if (n > 0) counts[table] = n;
  }
  return counts;
}

/**
 * Removes the participant and every row that belongs to them, in the caller's transaction. Triggers keep the
 * full-text indexes in step; secure_delete (set at open) overwrites the freed space.
 */
export function deleteParticipantRows(db: Db, participantId: string): void {
  for (const step of plan(db, participantId)) {
    db.prepare(`DELETE FROM ${quote(step.table)} WHERE ${step.where}`).run(...step.params);
  }
}
