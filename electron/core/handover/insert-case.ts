import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { Db } from '../db/open';
import { quoteName } from '../participants/row-graph';
import { columnsOf, foreignKeysOf, type CaseContent, type TableRows } from './content';

/** A row as column -> value, for the adjustments a table needs beyond new ids. */
export type RowRecord = Record<string, unknown>;

export interface InsertOptions {
  /** Changes a row before it is inserted (after its ids are new): the participant's code, a derived column. */
  adjust(table: string, row: RowRecord): void;
}

/** Old value -> new value of one column (`table.column`), keyed by the old value as text. */
type IdMap = Map<string, unknown>;

const damaged = () => new AppError('handover_damaged');

/**
 * Inserts a case's rows under new ids, in the caller's transaction, parents first. Every column that identifies
 * a row (a single-column primary key, or a column other rows point at) gets a new value — a random id for text, the
 * next free number for integers — and every foreign key between the case's rows is rewritten to match. Keys to
 * staff accounts and to carried groups keep their values (those rows are made to exist first). Returns the new
 * id of the participant.
 */
export function insertCase(db: Db, content: CaseContent, o: InsertOptions): string {
  const inCase = new Set(content.tables.map((t) => t.table));
  const pointedAt = targetsWithin(db, inCase);
  const maps = new Map<string, IdMap>();
  for (const rows of content.tables) insertTable(db, rows, { inCase, pointedAt, maps, adjust: o.adjust });
  const participantId = maps.get('participants.id')?.get(content.participantId);
  if (typeof participantId !== 'string') throw damaged();
  return participantId;
}

function primaryKey(db: Db, table: string): string[] {
  return columnsOf(db, table)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

/** Per table of the case, the columns that rows of the case point at. */
function targetsWithin(db: Db, inCase: ReadonlySet<string>): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  for (const table of inCase) {
    for (const key of foreignKeysOf(db, table)) {
      if (!inCase.has(key.table)) continue;
      const column = key.to ?? primaryKey(db, key.table)[0] ?? 'rowid';
      targets.set(key.table, new Set([...(targets.get(key.table) ?? []), column]));
    }
  }
  return targets;
}

interface TableContext {
  inCase: ReadonlySet<string>;
  pointedAt: Map<string, Set<string>>;
  maps: Map<string, IdMap>;
  adjust: InsertOptions['adjust'];
}

function insertTable(db: Db, rows: TableRows, c: TableContext): void {
  const info = columnsOf(db, rows.table);
  if (JSON.stringify(info.map((col) => col.name)) !== JSON.stringify(rows.columns)) throw damaged();
  const keys = foreignKeysOf(db, rows.table);
  const keyColumns = new Set(keys.map((k) => k.from));
  const pk = primaryKey(db, rows.table);
  const identities = new Set([...(pk.length === 1 ? pk : []), ...(c.pointedAt.get(rows.table) ?? [])]);
  for (const column of keyColumns) identities.delete(column);
  const counters = new Map<string, number>();
  for (const column of identities) {
    if (info.find((col) => col.name === column)?.type.toUpperCase() !== 'INTEGER') continue;
    const { next } = db
      .prepare(`SELECT ifnull(max(${quoteName(column)}), 0) + 1 AS next FROM ${quoteName(rows.table)}`)
      .get() as {
      next: number;
    };
    counters.set(column, next);
  }
  // A participant_id without a declared key still belongs to the case (the row graph follows it too).
  const implicitParticipant = rows.columns.includes('participant_id') && !keyColumns.has('participant_id');

  const insert = db.prepare(
    `INSERT INTO ${quoteName(rows.table)} (${rows.columns.map(quoteName).join(', ')})
     VALUES (${rows.columns.map(() => '?').join(', ')})`,
  );
  for (const values of rows.rows) {
    const row: RowRecord = Object.fromEntries(rows.columns.map((name, i) => [name, values[i]]));
    for (const key of keys) {
      const value = row[key.from];
      if (value === null || value === undefined || !c.inCase.has(key.table)) continue;
      row[key.from] = mapped(c.maps, `${key.table}.${key.to ?? primaryKey(db, key.table)[0]}`, value);
    }
    if (implicitParticipant && row.participant_id !== null) {
      row.participant_id = mapped(c.maps, 'participants.id', row.participant_id);
    }
    for (const column of identities) {
      const old = row[column];
      if (old === null || old === undefined) continue;
      const counter = counters.get(column);
      const fresh = counter === undefined ? randomBytes(16).toString('hex') : counter;
      if (counter !== undefined) counters.set(column, counter + 1);
      const name = `${rows.table}.${column}`;
      const map = c.maps.get(name) ?? new Map<string, unknown>();
      map.set(String(old), fresh);
      c.maps.set(name, map);
      row[column] = fresh;
    }
    c.adjust(rows.table, row);
    insert.run(...rows.columns.map((name) => row[name]));
  }
}

function mapped(maps: Map<string, IdMap>, name: string, old: unknown): unknown {
  const value = maps.get(name)?.get(String(old));
  // A row pointing at a row the case does not hold: no file this version writes has one.
  if (value === undefined) throw damaged();
  return value;
}
