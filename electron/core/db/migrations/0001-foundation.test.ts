import { describe, expect, it } from 'vitest';
import { insertRow, migrationTest } from './migration-test';

const { across } = migrationTest();

const user = (values: Record<string, unknown> = {}) => ({
  id: 'u1',
  display_name: 'Aino',
  role: 'coordinator',
  created_at: 'now',
  ...values,
});

const auditRow = { at: 'now', user_id: 'u1', action: 'vault.setup', outcome: 'ok', prev_hash: '0', hash: 'h1' };

describe('0001-foundation', () => {
  it('creates staff, settings and the audit log in an empty database', () => {
    const db = across(1);
    insertRow(db, 'users', user());
    insertRow(db, 'settings', { key: 'retention.years', value: '5' });
    insertRow(db, 'audit_log', auditRow);
    expect(db.prepare('SELECT id, role, active FROM users').all()).toEqual([{ id: 'u1', role: 'coordinator', active: 1 }]);
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '5' });
    expect(db.prepare('SELECT id, action FROM audit_log').all()).toEqual([{ id: 1, action: 'vault.setup' }]);
  });

  it('refuses an unknown role, an unknown audit outcome, and a value of the wrong type', () => {
    const db = across(1);
    expect(() => insertRow(db, 'users', user({ role: 'volunteer' }))).toThrow(/CHECK/);
    expect(() => insertRow(db, 'users', user({ active: 2 }))).toThrow(/CHECK/);
    expect(() => insertRow(db, 'audit_log', { ...auditRow, outcome: 'maybe' })).toThrow(/CHECK/);
    expect(() => insertRow(db, 'settings', { key: 'x', value: Buffer.from('5') })).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
  });

  it('keeps the audit log append-only: a row can be neither changed nor deleted', () => {
    const db = across(1);
    insertRow(db, 'audit_log', auditRow);
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'denied'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT outcome FROM audit_log').all()).toEqual([{ outcome: 'ok' }]);
  });
});
