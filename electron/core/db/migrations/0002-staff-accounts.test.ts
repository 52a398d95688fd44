import { describe, expect, it } from 'vitest';
import { insertRow, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** Two members of staff as version 1 stored them, names as typed, then taken to version 2. */
const migrated = (): Db =>
  across(2, (db) => {
    insertRow(db, 'users', { id: 'u1', display_name: '  Aino   VAINIKKALA ', role: 'coordinator', created_at: 'now' });
    insertRow(db, 'users', { id: 'u2', display_name: 'Kaisa Ohjaaja', role: 'caseworker', created_at: 'now' });
  });

describe('0002-staff-accounts', () => {
  it('keeps every member of staff, gives each the name key of their name, and asks no one for a new passphrase', () => {
    expect(migrated().prepare('SELECT id, name_key, must_change_passphrase FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', name_key: 'aino vainikkala', must_change_passphrase: 0 },
      { id: 'u2', name_key: 'kaisa ohjaaja', must_change_passphrase: 0 },
    ]);
  });

  it('refuses a second member of staff whose name differs only in case and spacing', () => {
    const db = migrated();
    const add = (id: string, nameKey: string) =>
      insertRow(db, 'users', { id, display_name: 'x', name_key: nameKey, role: 'caseworker', created_at: 'now' });
    expect(() => add('u3', 'aino vainikkala')).toThrow(/UNIQUE/);
    expect(() =>
      insertRow(db, 'users', {
        id: 'u4',
        display_name: 'Sara',
        name_key: 'sara',
        role: 'psychologist',
        created_at: 'now',
        must_change_passphrase: 2,
      }),
    ).toThrow(/CHECK/);
    add('u5', 'sara psykologi');
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 3 });
  });
});
