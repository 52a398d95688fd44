import { createHash } from 'node:crypto';
import type { Db } from './cipher';

/**
 * The tamper digest of a backup or handover file: SHA-256 over the schema (without page numbers) and every row of
 * the given tables in a fixed order, each value tagged with its SQLite type, so that equal digests mean every
 * query returns the same bytes. The byte format is part of both file formats: files written by earlier versions
 * carry digests in it.
 */

/** A table whose rows the digest covers, and the ORDER BY its rows are read in. */
export interface DigestTable {
  name: string;
  orderBy: string;
}

const ROWS_PER_REPORT = 500;
const SECTION_TAG = 0xff;
const ROW_END = 0xfe;
const ValueTag = { Null: 0, Integer: 1, Real: 2, Text: 3, Blob: 4 } as const;

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Rows in primary-key order, which VACUUM keeps; a table without a declared key is ordered by all its columns,
 * because VACUUM may renumber its hidden rowids.
 */
export function rowOrder(db: Db, table: string): string {
  const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as {
    name: string;
    pk: number;
  }[];
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return (key.length > 0 ? key : columns).map((c) => quote(c.name)).join(', ');
}

/** The schema's rows but those of the file's own manifest table, in a fixed order and without page numbers. */
export function schemaRows(db: Db, manifestTable: string): unknown[][] {
  return db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name <> ? ORDER BY type, name`)
    .raw()
    .all(manifestTable) as unknown[][];
}

/**
 * The digest (hex) of the schema but `manifestTable` and the rows of `tables`, read as stored (integers as 64-bit).
 * `onRows` is called every few hundred rows with the rows read so far (for progress, and to stop when cancelled).
 */
export function rowDigest(
  db: Db,
  manifestTable: string,
  tables: readonly DigestTable[],
  onRows: (rowsRead: number) => void = () => {},
): string {
  const hash = createHash('sha256');
  const schema = schemaRows(db, manifestTable);
  hash.update(section('schema', schema.length));
  for (const row of schema) hash.update(encodeRow(row));
  let rowsRead = 0;
  for (const table of tables) {
    const statement = db
      .prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${table.orderBy}`)
      .raw()
      .safeIntegers();
    hash.update(section(table.name, statement.columns().length));
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      hash.update(encodeRow(row));
      if (++rowsRead % ROWS_PER_REPORT === 0) onRows(rowsRead);
    }
  }
  onRows(rowsRead);
  return hash.digest('hex');
}

/** The head of a table's rows: its name (length given) and its number of columns. */
export function section(name: string, columns: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(9);
  head.writeUInt8(SECTION_TAG, 0);
  head.writeUInt32BE(nameBytes.length, 1);
  head.writeUInt32BE(columns, 5);
  return Buffer.concat([head, nameBytes]);
}

/**
 * One row, every value as a type tag and its bytes (lengths given), then an end mark: no two different rows
 * encode alike, whatever their types, NULLs, empty strings or column boundaries.
 */
export function encodeRow(row: readonly unknown[]): Buffer {
  const parts: Buffer[] = [];
  for (const value of row) {
    if (value === null) parts.push(Buffer.from([ValueTag.Null]));
    else if (typeof value === 'bigint') parts.push(fixed(ValueTag.Integer, (b) => b.writeBigInt64BE(value, 1)));
    else if (typeof value === 'number') parts.push(fixed(ValueTag.Real, (b) => b.writeDoubleBE(value, 1)));
    else if (typeof value === 'string') parts.push(withLength(ValueTag.Text, Buffer.from(value, 'utf8')));
    else if (Buffer.isBuffer(value)) parts.push(withLength(ValueTag.Blob, value));
    else throw new Error(`unexpected SQLite value of type ${typeof value}`);
  }
  parts.push(Buffer.from([ROW_END]));
  return Buffer.concat(parts);
}

function fixed(tag: number, write: (buffer: Buffer) => void): Buffer {
  const buffer = Buffer.alloc(9);
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
