import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { MANIFEST_TABLE } from './manifest';

/** A table whose rows a backup carries, and the order its rows are read in for the digest. */
export interface ContentTable {
  name: string;
  /** Shown in the backup's counts: a table of the app's own, not SQLite's or a full-text index's internals. */
  counted: boolean;
  orderBy: string;
}

const ROWS_PER_CHECK = 500;

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
    .map((t) => ({ name: t.name, counted: t.type === 'table' && !t.name.startsWith('sqlite_'), orderBy: orderOf(db, t.name) }));
}

/**
 * Rows in primary-key order, which VACUUM keeps; a table without a declared key is ordered by all its columns,
 * because VACUUM may renumber its hidden rowids.
 */
function orderOf(db: Db, table: string): string {
  const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as {
    name: string;
    pk: number;
  }[];
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return (key.length > 0 ? key : columns).map((c) => quote(c.name)).join(', ');
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
 * SHA-256 over the schema (without page numbers) and every row of every content table in a fixed order, each
 * value tagged with its SQLite type: equal digests mean every query returns the same bytes. `onRows` is called
 * every few hundred rows with the rows read so far (for progress, and to stop when cancelled).
 */
export function contentDigest(db: Db, tables: readonly ContentTable[], onRows: (rowsRead: number) => void = () => {}): string {
  const hash = createHash('sha256');
  let rowsRead = 0;
  const schema = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name <> ? ORDER BY type, name`)
    .raw()
    .all(MANIFEST_TABLE) as unknown[][];
  hash.update(section('schema', schema.length));
  for (const row of schema) hash.update(encodeRow(row));
  for (const table of tables) {
    const statement = db
      .prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${table.orderBy}`)
      .raw()
      .safeIntegers();
    hash.update(section(table.name, statement.columns().length));
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      hash.update(encodeRow(row));
      if (++rowsRead % ROWS_PER_CHECK === 0) onRows(rowsRead);
    }
  }
  onRows(rowsRead);
  return hash.digest('hex');
}

function section(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(9);
  head.writeUInt8(0xff, 0);
  head.writeUInt32BE(nameBytes.length, 1);
  head.writeUInt32BE(size, 5);
  return Buffer.concat([head, nameBytes]);
}

/** One row, every value as a type tag and its bytes (lengths given), so that no two different rows encode alike. */
function encodeRow(row: readonly unknown[]): Buffer {
  const parts: Buffer[] = [];
  for (const value of row) {
    if (value === null) parts.push(Buffer.from([0]));
    else if (typeof value === 'bigint') parts.push(tagged(1, 8, (b) => b.writeBigInt64BE(value, 1)));
    else if (typeof value === 'number') parts.push(tagged(2, 8, (b) => b.writeDoubleBE(value, 1)));
    else if (typeof value === 'string') parts.push(withLength(3, Buffer.from(value, 'utf8')));
    else if (Buffer.isBuffer(value)) parts.push(withLength(4, value));
    else throw new Error(`unexpected SQLite value of type ${typeof value}`);
  }
  parts.push(Buffer.from([0xfe]));
  return Buffer.concat(parts);
}

function tagged(tag: number, size: number, write: (buffer: Buffer) => void): Buffer {
  const buffer = Buffer.alloc(1 + size);
  buffer.writeUInt8(tag, 0);
  write(buffer);
  return buffer;
}

function withLength(tag: number, bytes: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(tag, 0);
  head.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([head, bytes]);
}
