import { describe, expect, it } from 'vitest';
import { addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

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
  insertRow(db, 'saved_views', row);
}

describe('0007-saved-views', () => {
  it('adds saved and last-used views beside the existing staff and participants', () => {
    const db = across(7, (before) => addUser(before));
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: 'u1' }]);
    insertView(db, {});
    db.prepare(`INSERT INTO last_views (user_id, screen, state, updated_at) VALUES ('u1', 'participants', ?, 'now')`).run(STATE);
    expect(db.prepare('SELECT name, state FROM saved_views').get()).toEqual({ name: 'Active', state: STATE });
    db.close();
  });

  it('refuses a second view of the same name for a user, a state that is not a JSON object, and unknown users', () => {
    const db = at(7);
    addUser(db, { id: 'u1', name: 'A' });
    addUser(db, { id: 'u2', name: 'B' });
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
