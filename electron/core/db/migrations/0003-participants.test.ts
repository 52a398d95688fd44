import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** A member of staff as version 2 stores one, then taken to version 3. */
const migrated = (): Db => across(3, (db) => addUser(db, { name: 'Kaisa' }));

describe('0003-participants', () => {
  it('keeps the staff and adds participants with pseudonym counters', () => {
    const db = migrated();
    expect(db.prepare('SELECT id, name_key FROM users').all()).toEqual([{ id: 'u1', name_key: 'kaisa' }]);
    insertRow(db, 'pseudonym_counters', { year: 2026, last_number: 1 });
    addParticipant(db, { languages: '["fi","ro"]', birth_year: 1990, responsible_caseworker_id: 'u1' });
    expect(db.prepare('SELECT pseudonym, languages, interpreter_needed FROM participants').get()).toEqual({
      pseudonym: 'P-2026-001',
      languages: '["fi","ro"]',
      interpreter_needed: 0,
    });
  });

  it('refuses values outside the enums, a birth year beside an age band, and a discontinuation without its reason', () => {
    const db = migrated();
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ status: 'paused' }, /CHECK/],
      [{ gender: 'unknown' }, /CHECK/],
      [{ age_band: '16-17' }, /CHECK/],
      [{ birth_year: 1990, age_band: '25-34' }, /CHECK/],
      [{ status: 'discontinued' }, /CHECK/],
      [{ languages: '{"fi":true}' }, /CHECK/],
      [{ created_by: 'nobody' }, /FOREIGN KEY/],
      [{ responsible_caseworker_id: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused) expect(() => addParticipant(db, values), JSON.stringify(values)).toThrow(error);
    addParticipant(db, { status: 'discontinued', discontinued_reason: 'Moved away' });
    expect(db.prepare('SELECT count(*) AS n FROM participants').get()).toEqual({ n: 1 });
  });

  it('never gives a pseudonym, or a year and number, twice', () => {
    const db = migrated();
    addParticipant(db);
    expect(() => addParticipant(db, { id: 'p2', pseudonym_number: 2 })).toThrow(/UNIQUE/);
    expect(() => addParticipant(db, { id: 'p3', pseudonym: 'P-2026-003' })).toThrow(/UNIQUE/);
    expect(() => insertRow(db, 'pseudonym_counters', { year: 2026, last_number: -1 })).toThrow(/CHECK/);
  });
});
