/**
 * The one way a migration is tested: a real encrypted database in a temp folder taken to version N-1, rows
 * inserted as that version stores them, then taken to N and examined. Every `NNNN-name.test.ts` beside the
 * migrations uses it; the guard test (every-migration-tested.test.ts) fails when a migration has no such file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { openEncrypted, type Db } from '../open';
import { MIGRATIONS } from './index';

export type { Db } from '../open';

export interface MigrationTest {
  /** A new database brought to `version` (0: nothing yet). */
  at(version: number): Db;
  /** A database at `version` - 1, given its rows by `before`, then taken to `version`. */
  across(version: number, before?: (db: Db) => void): Db;
}

/** Call once per test file: the databases it opens are closed and their folders removed after every test. */
export function migrationTest(): MigrationTest {
  const opened: { db: Db; dir: string }[] = [];
  afterEach(() => {
    for (const { db, dir } of opened.splice(0)) {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function at(version: number): Db {
    const dir = mkdtempSync(join(tmpdir(), 'polku-migration-test-'));
    const db = openEncrypted(join(dir, 'test.db'), randomBytes(32));
    opened.push({ db, dir });
    migrate(db, MIGRATIONS, version);
    expect(schemaVersion(db)).toBe(version);
    return db;
  }

  function across(version: number, before: (db: Db) => void = () => undefined): Db {
    const db = at(version - 1);
    before(db);
    migrate(db, MIGRATIONS, version);
    expect(schemaVersion(db)).toBe(version);
    return db;
  }

  return { at, across };
}

/** Inserts one row, its columns named by the keys of `row`. */
export function insertRow(db: Db, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
}

/** A member of staff as version 2 and later store one (name_key came with 0002). */
export function addUser(db: Db, values: { id?: string; name?: string; role?: string } = {}): void {
  const { id = 'u1', name = 'A', role = 'caseworker' } = values;
  insertRow(db, 'users', { id, display_name: name, name_key: name.toLowerCase(), role, created_at: 'now' });
}

/** A participant as version 3 and later store one, created by `u1` unless told otherwise. */
export function addParticipant(db: Db, values: Record<string, unknown> = {}): void {
  insertRow(db, 'participants', {
    id: 'p1',
    pseudonym: 'P-2026-001',
    pseudonym_year: 2026,
    pseudonym_number: 1,
    status: 'active',
    created_at: 'now',
    updated_at: 'now',
    created_by: 'u1',
    ...values,
  });
}
