import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, migrationTest } from './migration-test';

const { across } = migrationTest();

describe('0014-reserved-for-referrals', () => {
  it('changes nothing: the participants of version 13 are there as they were', () => {
    const db = across(14, (db) => {
      addUser(db);
      addParticipant(db);
    });
    expect(db.prepare('SELECT id, pseudonym FROM participants').all()).toEqual([{ id: 'p1', pseudonym: 'P-2026-001' }]);
  });
});
