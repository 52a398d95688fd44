import type { Db } from '../db/open';

/** A part of a participant's rows: the rows of `table` that `where` picks. */
export interface RowStep {
  table: string;
  where: string;
  params: unknown[];
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

/** A table or column name as an SQL identifier. */
export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Ordinary tables of the schema (no SQLite internals, no virtual tables or their shadow tables). */
export function ordinaryTables(db: Db): string[] {
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

/** The schema facts the walk needs, read once a walk: each table's columns and foreign keys. */
class SchemaFacts {
  readonly tables: string[];
  private readonly columns = new Map<string, { name: string; pk: number }[]>();
  private readonly keys = new Map<string, { table: string; from: string; to: string | null }[]>();

  constructor(private readonly db: Db) {
    this.tables = ordinaryTables(db);
  }

  columnsOf(table: string): { name: string; pk: number }[] {
    let found = this.columns.get(table);
    if (!found) {
      found = this.db.pragma(`table_info(${quoteName(table)})`) as { name: string; pk: number }[];
      this.columns.set(table, found);
    }
    return found;
  }

  foreignKeysOf(table: string): { table: string; from: string; to: string | null }[] {
    let found = this.keys.get(table);
    if (!found) {
      found = this.db.pragma(`foreign_key_list(${quoteName(table)})`) as { table: string; from: string; to: string | null }[];
      this.keys.set(table, found);
    }
    return found;
  }

  primaryKeyOf(table: string): string {
    return this.columnsOf(table).find((c) => c.pk === 1)?.name ?? 'rowid';
  }

  /** Tables whose foreign keys point at `parent`, with the columns on both sides. */
  childrenOf(parent: string): ForeignKey[] {
    const out: ForeignKey[] = [];
    for (const table of this.tables) {
      for (const key of this.foreignKeysOf(table)) if (key.table === parent) out.push({ table, from: key.from, to: key.to });
    }
    return out;
  }
}

/**
 * Every row that belongs to a participant, children before parents: rows whose foreign keys lead to the
 * participant (at any depth), and rows of any table with a `participant_id` column even without a declared key.
 * Read from the schema, so a table added by a later migration is covered without being listed here. A table
 * reached by several paths has several steps.
 */
export function participantSteps(db: Db, participantId: string): RowStep[] {
  return stepsOf(new SchemaFacts(db), participantId);
}

function stepsOf(schema: SchemaFacts, participantId: string): RowStep[] {
  const steps: RowStep[] = [];
  const visit = (table: string, where: string, params: unknown[], depth: number) => {
    if (depth > 8) throw new Error('foreign keys nest too deep');
    const key = schema.primaryKeyOf(table);
    for (const child of schema.childrenOf(table)) {
      if (child.table === table) continue;
      const parentColumn = child.to ?? key;
      visit(
        child.table,
        `${quoteName(child.from)} IN (SELECT ${quoteName(parentColumn)} FROM ${quoteName(table)} WHERE ${where})`,
        params,
        depth + 1,
      );
    }
    steps.push({ table, where, params });
  };
  for (const table of schema.tables) {
    if (table === 'participants') continue;
    if (schema.columnsOf(table).some((c) => c.name === 'participant_id')) visit(table, 'participant_id = ?', [participantId], 1);
  }
  visit('participants', 'id = ?', [participantId], 0);
  return steps;
}

/**
 * The participant's rows one step a table (a row reached by two paths is picked once), ordered so that every
 * table comes after the tables its foreign keys point to: the order to insert them in.
 */
export function participantTables(db: Db, participantId: string): RowStep[] {
  const schema = new SchemaFacts(db);
  const byTable = new Map<string, RowStep[]>();
  for (const step of stepsOf(schema, participantId)) byTable.set(step.table, [...(byTable.get(step.table) ?? []), step]);
  const joined = new Map<string, RowStep>();
  for (const [table, steps] of byTable) {
    joined.set(table, {
      table,
      where: steps.map((s) => `(${s.where})`).join(' OR '),
      params: steps.flatMap((s) => s.params),
    });
  }
  const parentsOf = (table: string) =>
    schema
      .foreignKeysOf(table)
      .map((key) => key.table)
      .filter((parent) => parent !== table && joined.has(parent));
  const ordered: RowStep[] = [];
  const placed = new Set<string>();
  const place = (table: string, depth: number) => {
    if (placed.has(table)) return;
    if (depth > 16) throw new Error('foreign keys form a cycle');
    for (const parent of parentsOf(table)) place(parent, depth + 1);
    placed.add(table);
    ordered.push(joined.get(table)!);
  };
  for (const table of joined.keys()) place(table, 0);
  return ordered;
}
