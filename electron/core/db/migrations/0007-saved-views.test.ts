import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openEncrypted, type Db } from '../open';
import { MIGRATIONS } from './index';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'polku-migrate-views-'));
  dirs.push(dir);
  return openEncrypted(join(dir, 'test.db'), randomBytes(32));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const STATE = '{"columns":["pseudonym"],"filters":{},"sort":{"key":"pseudonym","direction":"asc"}}';

function insertView(db: Db, values: Record<string, unknown>): void {
  const row = {
    id: 'v1',
    user_id: 'u1',
    screen: 'participants',
    name: 'Active',
    name_key: 'active',
    state: STATE,
    created_at: 'now',
    updated_at: 'now',
    ...values,
  };
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO saved_views (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
}

describe('0007-saved-views', () => {
  it('adds saved and last-used views beside the existing staff and participants', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 6);
    db.prepare(
      `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'A', 'a', 'caseworker', 'now')`,
    ).run();
    migrate(db, MIGRATIONS, 7);
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: 'u1' }]);
    insertView(db, {});
    db.prepare(`INSERT INTO last_views (user_id, screen, state, updated_at) VALUES ('u1', 'participants', ?, 'now')`).run(STATE);
    expect(db.prepare('SELECT name, state FROM saved_views').get()).toEqual({ name: 'Active', state: STATE });
    db.close();
  });

  it('refuses a second view of the same name for a user, a state that is not a JSON object, and unknown users', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 7);
    db.prepare(
      `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'A', 'a', 'caseworker', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u2', 'B', 'b', 'caseworker', 'now')`,
    ).run();
    insertView(db, {});
    insertView(db, { id: 'v2', user_id: 'u2' });
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ id: 'v3', name: 'ACTIVE' }, /UNIQUE/],
      [{ id: 'v3', name_key: 'other', state: 'not json' }, /CHECK/],
      [{ id: 'v3', name_key: 'other', state: '["pseudonym"]' }, /CHECK/],
      [{ id: 'v3', name_key: 'other', name: '' }, /CHECK/],
      [{ id: 'v3', name_key: 'other', user_id: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused) expect(() => insertView(db, values), JSON.stringify(values)).toThrow(error);
    const lastOf = (user: string) =>
      db
        .prepare(`INSERT INTO last_views (user_id, screen, state, updated_at) VALUES (?, 'participants', ?, 'now')`)
        .run(user, STATE);
    lastOf('u1');
    expect(() => lastOf('u1')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => lastOf('nobody')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS n FROM saved_views').get()).toEqual({ n: 2 });
    db.close();
  });
});
