import { createHash } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db, OpenOptions } from '../db/open';
import { ordinaryTables, quoteName } from '../participants/row-graph';
import { createHandoverTables, MANIFEST_TABLE } from './manifest';

/** The tables whose rows a handover file carries: all ordinary tables but the manifest, by name. */
function contentTables(db: Db): string[] {
  return ordinaryTables(db)
    .filter((name) => name !== MANIFEST_TABLE)
    .sort();
}

/** Rows per table that has any. */
export function countRows(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of contentTables(db)) {
    const { n } = db.prepare(`SELECT count(*) AS n FROM ${quoteName(table)}`).get() as { n: number };
    if (n > 0) counts[table] = n;
  }
  return counts;
}

/** Whether two sets of counts are the same. */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function schemaRows(db: Db): unknown[][] {
  return db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name <> ? ORDER BY type, name`)
    .raw()
    .all(MANIFEST_TABLE) as unknown[][];
}

/**
 * Whether the file's schema is exactly what this version's migrations make at `version`, with the handover
 * tables: anything else in it (a trigger, a view, a changed table) would not be the vault's schema.
 */
export function schemaMatches(db: Db, version: number, driver: OpenOptions): boolean {
  // An unkeyed in-memory database: the reference holds no rows.
  const reference = new Database(':memory:', driver.nativeBinding ? { nativeBinding: driver.nativeBinding } : {});
  try {
    migrate(reference, MIGRATIONS, version);
    createHandoverTables(reference);
    return JSON.stringify(schemaRows(reference)) === JSON.stringify(schemaRows(db));
  } finally {
    reference.close();
  }
}

/**
 * SHA-256 over the schema and every row of every content table, in primary-key order (all columns for a table
 * without one), each value tagged with its SQLite type: equal digests mean every query returns the same bytes.
 */
export function contentDigest(db: Db): string {
  const hash = createHash('sha256');
  const schema = schemaRows(db);
  hash.update(section('schema', schema.length));
  for (const row of schema) hash.update(encodeRow(row));
  for (const table of contentTables(db)) {
    const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as {
      name: string;
      pk: number;
    }[];
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const orderBy = (key.length > 0 ? key : columns).map((c) => quoteName(c.name)).join(', ');
    const statement = db
      .prepare(`SELECT * FROM ${quoteName(table)} ORDER BY ${orderBy}`)
      .raw()
      .safeIntegers();
    hash.update(section(table, columns.length));
    for (const row of statement.iterate() as IterableIterator<unknown[]>) hash.update(encodeRow(row));
  }
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
    else if (typeof value === 'bigint') parts.push(fixed(1, (b) => b.writeBigInt64BE(value, 1)));
    else if (typeof value === 'number') parts.push(fixed(2, (b) => b.writeDoubleBE(value, 1)));
    else if (typeof value === 'string') parts.push(withLength(3, Buffer.from(value, 'utf8')));
    else if (Buffer.isBuffer(value)) parts.push(withLength(4, value));
    else throw new Error(`unexpected SQLite value of type ${typeof value}`);
  }
  parts.push(Buffer.from([0xfe]));
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
