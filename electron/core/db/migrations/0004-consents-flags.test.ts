import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow as insert, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** A database at version 3 with one member of staff and one participant, then taken to version 4. */
const migratedWithParticipant = (): Db =>
  across(4, (db) => {
    addUser(db);
    addParticipant(db, { status: 'referred' });
  });

const consent = (values: Record<string, unknown>) => ({
  participant_id: 'p1',
  purpose: 'processing',
  given_on: '2026-11-01',
  method: 'signed',
  recorded_by: 'u1',
  recorded_at: 'now',
  ...values,
});

describe('0004-consents-flags', () => {
  it('keeps the staff and participants, and adds consents, overrides and flags', () => {
    const db = migratedWithParticipant();
    expect(db.prepare('SELECT id FROM participants').all()).toEqual([{ id: 'p1' }]);
    insert(db, 'consents', consent({ id: 'c1' }));
    insert(db, 'consent_overrides', {
      id: 'o1',
      participant_id: 'p1',
      purpose: 'photos',
      reason: 'Urgent',
      granted_by: 'u1',
      granted_at: 'now',
    });
    insert(db, 'safety_flags', { id: 'f1', participant_id: 'p1', kind: 'code_word_set', set_by: 'u1', set_at: 'now' });
    expect(db.prepare('SELECT count(*) AS n FROM consents').get()).toEqual({ n: 1 });
  });

  it('refuses a consent outside the enums, a partner anywhere but sharing, or half a withdrawal', () => {
    const db = migratedWithParticipant();
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ purpose: 'marketing' }, /CHECK/],
      [{ method: 'nodded' }, /CHECK/],
      [{ partner_name: 'Partner' }, /CHECK/],
      [{ purpose: 'partner_sharing' }, /CHECK/],
      [{ withdrawn_on: '2026-11-02' }, /CHECK/],
      [{ withdrawn_on: '2026-11-02', withdrawal_recorded_by: 'u1' }, /CHECK/],
      [{ withdrawn_on: '2026-10-31', withdrawal_recorded_by: 'u1', withdrawal_recorded_at: 'now' }, /CHECK/],
      [{ participant_id: 'nobody' }, /FOREIGN KEY/],
      [{ recorded_by: 'nobody' }, /FOREIGN KEY/],
    ];
    refused.forEach(([values, error], i) => {
      expect(() => insert(db, 'consents', consent({ id: `c${i}`, ...values })), JSON.stringify(values)).toThrow(error);
    });
    expect(db.prepare('SELECT count(*) AS n FROM consents').get()).toEqual({ n: 0 });
  });

  it('holds one consent in force a purpose (sharing: a partner), and any number withdrawn', () => {
    const db = migratedWithParticipant();
    const withdrawn = { withdrawn_on: '2026-11-02', withdrawal_recorded_by: 'u1', withdrawal_recorded_at: 'now' };
    insert(db, 'consents', consent({ id: 'c1', ...withdrawn }));
    insert(db, 'consents', consent({ id: 'c2', ...withdrawn }));
    insert(db, 'consents', consent({ id: 'c3' }));
    expect(() => insert(db, 'consents', consent({ id: 'c4' }))).toThrow(/UNIQUE/);
    insert(db, 'consents', consent({ id: 's1', purpose: 'partner_sharing', partner_name: 'A' }));
    insert(db, 'consents', consent({ id: 's2', purpose: 'partner_sharing', partner_name: 'B' }));
    expect(() => insert(db, 'consents', consent({ id: 's3', purpose: 'partner_sharing', partner_name: 'A' }))).toThrow(/UNIQUE/);
  });

  it('holds one override in force a purpose, each with a reason of 3 to 500 characters', () => {
    const db = migratedWithParticipant();
    const override = (id: string, values: Record<string, unknown> = {}) => ({
      id,
      participant_id: 'p1',
      purpose: 'processing',
      reason: 'Urgent referral',
      granted_by: 'u1',
      granted_at: 'now',
      ...values,
    });
    expect(() => insert(db, 'consent_overrides', override('o0', { reason: 'no' }))).toThrow(/CHECK/);
    expect(() => insert(db, 'consent_overrides', override('o0', { reason: 'x'.repeat(501) }))).toThrow(/CHECK/);
    expect(() => insert(db, 'consent_overrides', override('o0', { revoked_at: 'now' }))).toThrow(/CHECK/);
    insert(db, 'consent_overrides', override('o1', { revoked_by: 'u1', revoked_at: 'now' }));
    insert(db, 'consent_overrides', override('o2'));
    expect(() => insert(db, 'consent_overrides', override('o3'))).toThrow(/UNIQUE/);
  });

  it('refuses a flag of an unknown kind or half cleared', () => {
    const db = migratedWithParticipant();
    const flag = (values: Record<string, unknown>) => ({
      id: 'f1',
      participant_id: 'p1',
      kind: 'no_photos',
      set_by: 'u1',
      set_at: 'now',
      ...values,
    });
    expect(() => insert(db, 'safety_flags', flag({ kind: 'danger' }))).toThrow(/CHECK/);
    expect(() => insert(db, 'safety_flags', flag({ cleared_at: 'now' }))).toThrow(/CHECK/);
    expect(() => insert(db, 'safety_flags', flag({ participant_id: 'nobody' }))).toThrow(/FOREIGN KEY/);
    insert(db, 'safety_flags', flag({ cleared_by: 'u1', cleared_at: 'now' }));
  });
});
