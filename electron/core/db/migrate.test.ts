import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import { openEncrypted, type Db } from './open';

const dirs: string[] = [];
function freshDb(): { db: Db; path: string; key: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'polku-migrate-'));
  dirs.push(dir);
  const key = randomBytes(32);
  const path = join(dir, 'test.db');
  return { db: openEncrypted(path, key), path, key };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.startsWith(String(i + 1).padStart(4, '0'))).toBe(true);
    });
  });

  it('bring an empty database to the newest version and record it in user_version', () => {
    const { db } = freshDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuse a database written by a newer version and leave it untouched', () => {
    const { db, path } = freshDb();
    migrate(db, MIGRATIONS);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(path);
    expect(() => migrate(db, MIGRATIONS)).toThrowError(expect.objectContaining({ code: 'db_newer' }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).equals(before)).toBe(true);
    db.close();
  });

  it('roll back every pending step when one of them fails', () => {
    const { db } = freshDb();
    const failing: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'adds a table', up: (d) => d.exec('CREATE TABLE extra (id INTEGER)') },
      { version: MIGRATIONS.length + 2, name: 'breaks', up: (d) => d.exec('CREATE TABLE broken (') },
    ];
    expect(() => migrate(db, failing)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('extra', 'users')`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a list whose versions are out of order', () => {
    const { db } = freshDb();
    const shuffled: Migration[] = [{ ...MIGRATIONS[0]!, version: 2 }];
    expect(() => migrate(db, shuffled)).toThrow(/version 1/);
    db.close();
  });
});

describe('0001-foundation', () => {
  it('creates users, settings and an append-only audit log', () => {
    const { db } = freshDb();
    migrate(db, MIGRATIONS, 0);
    expect(schemaVersion(db)).toBe(0);
    migrate(db, MIGRATIONS, 1);
    db.prepare(`INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'A', 'coordinator', 'now')`).run();
    expect(() =>
      db.prepare(`INSERT INTO users (id, display_name, role, created_at) VALUES ('u2', 'B', 'boss', 'now')`).run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO audit_log (at, user_id, action, outcome, prev_hash, hash) VALUES ('now', 'u1', 'x', 'ok', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'y'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('0002-staff-accounts', () => {
  it('adds one-time passphrase flags and a name key, filled in for the users that exist', () => {
    const { db } = freshDb();
    migrate(db, MIGRATIONS, 1);
    db.prepare(
      `INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', '  Aino   KOORDINAATTORI ', 'coordinator', 'now')`,
    ).run();
    migrate(db, MIGRATIONS, 2);
    expect(db.prepare('SELECT must_change_passphrase, name_key FROM users').get()).toEqual({
      must_change_passphrase: 0,
      name_key: 'aino koordinaattori',
    });
    expect(() =>
      db
        .prepare(
          `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u2', 'x', 'aino koordinaattori', 'teacher', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('0003-participants', () => {
  const insertParticipant = (db: Db, values: Record<string, unknown>) => {
    const row = {
      id: 'p1',
      pseudonym: 'P-2026-001',
      pseudonym_year: 2026,
      pseudonym_number: 1,
      status: 'referred',
      created_at: 'now',
      updated_at: 'now',
      created_by: 'u1',
      ...values,
    };
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO participants (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
  };

  it('adds participants and a pseudonym counter, keeping the existing staff', () => {
    const { db } = freshDb();
    migrate(db, MIGRATIONS, 2);
    db.prepare(
      `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'A', 'a', 'caseworker', 'now')`,
    ).run();
    migrate(db, MIGRATIONS, 3);
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: 'u1' }]);
    insertParticipant(db, { languages: '["fi"]', responsible_caseworker_id: 'u1' });
    expect(db.prepare('SELECT languages, interpreter_needed, status FROM participants').get()).toEqual({
      languages: '["fi"]',
      interpreter_needed: 0,
      status: 'referred',
    });
    db.prepare('INSERT INTO pseudonym_counters (year, last_number) VALUES (2026, 1)').run();
    db.close();
  });

  it('refuses values outside the enums, a year of birth with an age band, a reasonless discontinuation and a reused code', () => {
    const { db } = freshDb();
    migrate(db, MIGRATIONS, 3);
    db.prepare(
      `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'A', 'a', 'caseworker', 'now')`,
    ).run();
    insertParticipant(db, {});
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ gender: 'unknown' }, /CHECK/],
      [{ status: 'open' }, /CHECK/],
      [{ education_isced: 'isced_9' }, /CHECK/],
      [{ birth_year: 1990, age_band: '25-34' }, /CHECK/],
      [{ status: 'discontinued' }, /CHECK/],
      [{ languages: '"fi"' }, /CHECK/],
      [{ pseudonym: 'P-2026-001' }, /UNIQUE/],
      [{ pseudonym_number: 1 }, /UNIQUE/],
      [{ created_by: 'nobody' }, /FOREIGN KEY/],
      [{ responsible_caseworker_id: 'nobody' }, /FOREIGN KEY/],
    ];
    refused.forEach(([values, error], i) => {
      const distinct = { id: `p${i + 2}`, pseudonym: `P-2026-${100 + i}`, pseudonym_number: 100 + i };
      expect(() => insertParticipant(db, { ...distinct, ...values }), JSON.stringify(values)).toThrow(error);
    });
    expect(db.prepare('SELECT count(*) AS n FROM participants').get()).toEqual({ n: 1 });
    db.close();
  });
});
