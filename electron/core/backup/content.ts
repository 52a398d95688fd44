import type { Db } from '../db/open';
import { rowDigest, rowOrder, type DigestTable } from '../db/row-digest';
import { MANIFEST_TABLE } from './manifest';

/** A table whose rows a backup carries, and the order its rows are read in for the digest. */
export interface ContentTable extends DigestTable {
  /** Shown in the backup's counts: a table of the app's own, not SQLite's or a full-text index's internals. */
  counted: boolean;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every table with stored rows, by name, except the backup's manifest: the app's tables, SQLite's own
 * (sqlite_sequence...) and the full-text indexes' shadow tables. Only the app's tables are counted for people;
 * the digest covers all of them, so that a damaged search index is noticed too. Virtual tables hold no rows of
 * their own (their shadow tables do).
 */
export function contentTables(db: Db): ContentTable[] {
  const listed = db.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = 'main' ORDER BY name`).all() as {
    name: string;
    type: string;
  }[];
  return listed
    .filter((t) => (t.type === 'table' || t.type === 'shadow') && t.name !== MANIFEST_TABLE && t.name !== 'sqlite_schema')
    .map((t) => ({ name: t.name, counted: t.type === 'table' && !t.name.startsWith('sqlite_'), orderBy: rowOrder(db, t.name) }));
}

/** Rows per counted table. */
export function countRows(db: Db, tables: readonly ContentTable[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tables.filter((t) => t.counted)) counts[table.name] = rowCount(db, table.name);
  return counts;
}

/** Rows in all the tables, for progress. */
export function totalRows(db: Db, tables: readonly ContentTable[]): number {
  return tables.reduce((sum, t) => sum + rowCount(db, t.name), 0);
}

function rowCount(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
}

/**
 * The digest of the schema and every row of every content table in a fixed order (see db/row-digest.ts). `onRows`
 * is called every few hundred rows with the rows read so far (for progress, and to stop when cancelled).
 */
export function contentDigest(db: Db, tables: readonly ContentTable[], onRows?: (rowsRead: number) => void): string {
  return rowDigest(db, MANIFEST_TABLE, tables, onRows);
}
