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
  const out = new RowEncoder((bytes) => hash.update(bytes));
  const schema = schemaRows(db, manifestTable);
  out.section('schema', schema.length);
  for (const row of schema) out.row(row);
  let rowsRead = 0;
  for (const table of tables) {
    const statement = db
      .prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${table.orderBy}`)
      .raw()
      .safeIntegers();
    out.section(table.name, statement.columns().length);
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      out.row(row);
      if (++rowsRead % ROWS_PER_REPORT === 0) onRows(rowsRead);
    }
  }
  out.flush();
  onRows(rowsRead);
  return hash.digest('hex');
}

/** The head of a table's rows: its name (length given) and its number of columns. */
export function section(name: string, columns: number): Buffer {
  return RowEncoder.once((out) => out.section(name, columns));
}

/**
 * One row, every value as a type tag and its bytes (lengths given), then an end mark: no two different rows
 * encode alike, whatever their types, NULLs, empty strings or column boundaries.
 */
export function encodeRow(row: readonly unknown[]): Buffer {
  return RowEncoder.once((out) => out.row(row));
}

const CHUNK = 64 * 1024;

/**
 * Writes sections and rows in the digest's byte format into one reused buffer and hands it on in chunks of about
 * 64 KiB: the digest is a stream, so chunks hash exactly as the rows one by one would, without a buffer per value.
 */
class RowEncoder {
  private buffer = Buffer.alloc(CHUNK * 2);
  private at = 0;

  constructor(private readonly sink: (bytes: Buffer) => void) {}

  /** The bytes `write` makes, as a Buffer of their own. */
  static once(write: (out: RowEncoder) => void): Buffer {
    const parts: Buffer[] = [];
    const out = new RowEncoder((bytes) => parts.push(Buffer.from(bytes)));
    write(out);
    out.flush();
    return Buffer.concat(parts);
  }

  section(name: string, columns: number): void {
    const length = Buffer.byteLength(name, 'utf8');
    this.room(9 + length);
    this.at = this.buffer.writeUInt8(SECTION_TAG, this.at);
    this.at = this.buffer.writeUInt32BE(length, this.at);
    this.at = this.buffer.writeUInt32BE(columns, this.at);
    this.at += this.buffer.write(name, this.at, 'utf8');
  }

  row(row: readonly unknown[]): void {
    for (const value of row) {
      if (value === null) {
        this.room(1);
        this.buffer[this.at++] = ValueTag.Null;
      } else if (typeof value === 'bigint') {
        this.room(9);
        this.buffer[this.at++] = ValueTag.Integer;
        this.at = this.buffer.writeBigInt64BE(value, this.at);
      } else if (typeof value === 'number') {
        this.room(9);
        this.buffer[this.at++] = ValueTag.Real;
        this.at = this.buffer.writeDoubleBE(value, this.at);
      } else if (typeof value === 'string') {
        const length = Buffer.byteLength(value, 'utf8');
        this.room(5 + length);
        this.buffer[this.at++] = ValueTag.Text;
        this.at = this.buffer.writeUInt32BE(length, this.at);
        this.at += this.buffer.write(value, this.at, 'utf8');
      } else if (Buffer.isBuffer(value)) {
        this.room(5 + value.length);
        this.buffer[this.at++] = ValueTag.Blob;
        this.at = this.buffer.writeUInt32BE(value.length, this.at);
        this.at += value.copy(this.buffer, this.at);
      } else {
        throw new Error(`unexpected SQLite value of type ${typeof value}`);
      }
    }
    this.room(1);
    this.buffer[this.at++] = ROW_END;
    if (this.at >= CHUNK) this.flush();
  }

  /** Hands on what is written so far. */
  flush(): void {
    if (this.at > 0) this.sink(this.buffer.subarray(0, this.at));
    this.at = 0;
  }

  /** Room for `bytes` more: what is written is handed on first, and the buffer grows for a value larger than it. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.alloc(bytes);
  }
}
