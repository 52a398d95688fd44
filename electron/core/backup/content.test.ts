import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db } from '../db/open';
import { contentDigest, contentTables, countRows } from './content';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-content-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function database(setup: string): Db {
  const db = openEncrypted(join(dir, `${++n}.db`), randomBytes(32));
  db.exec(setup);
  return db;
}

const digest = (db: Db) => contentDigest(db, contentTables(db));

describe('the content digest', () => {
  it('depends on the rows, not on the order they were written in', () => {
    const a = database(`CREATE TABLE t (k TEXT PRIMARY KEY, v); INSERT INTO t VALUES ('a', 1), ('b', 2);`);
    const b = database(`CREATE TABLE t (k TEXT PRIMARY KEY, v); INSERT INTO t VALUES ('b', 2), ('a', 1);`);
    expect(digest(a)).toBe(digest(b));
  });

  it('tells apart values that print alike: text, integer, real, null, empty text and blob', () => {
    const values = [`'1'`, '1', '1.0', 'NULL', `''`, `x'31'`, '9007199254740993', '9007199254740992'];
    const digests = values.map((value) =>
      digest(database(`CREATE TABLE t (k INTEGER PRIMARY KEY, v); INSERT INTO t VALUES (1, ${value});`)),
    );
    expect(new Set(digests).size).toBe(values.length);
  });

  it('changes with one cell, and with the schema', () => {
    const base = `CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, 'Amal'), (2, 'Leila');`;
    const original = digest(database(base));
    expect(digest(database(base.replace('Leila', 'Leilä')))).not.toBe(original);
    expect(digest(database(`${base} CREATE INDEX t_v ON t (v);`))).not.toBe(original);
  });

  it('orders a table without a declared key by all its columns, since VACUUM may renumber its rows', () => {
    const a = database(`CREATE TABLE t (a, b); INSERT INTO t VALUES (2, 'x'), (1, 'y');`);
    const b = database(`CREATE TABLE t (a, b); INSERT INTO t VALUES (1, 'y'), (2, 'x');`);
    expect(digest(a)).toBe(digest(b));
  });

  it('covers the search index and SQLite’s own tables, but counts only the app’s tables', () => {
    const db = database('');
    migrate(db, MIGRATIONS);
    const tables = contentTables(db);
    const names = (counted: boolean) => tables.filter((t) => t.counted === counted).map((t) => t.name);
    expect(names(true)).toContain('participants');
    expect(names(true)).toContain('notes');
    expect(names(false)).toEqual(expect.arrayContaining(['notes_fts_data', 'notes_fts_config', 'sqlite_sequence']));
    expect(tables.map((t) => t.name)).not.toContain('notes_fts');
    expect(Object.keys(countRows(db, tables))).toEqual(names(true));
  });
});
