import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

function seed(db: Db): void {
  addUser(db);
  addParticipant(db);
}

const exitNone = {
  exit_checked_on: null,
  exit_job_searching: null,
  exit_in_education: null,
  exit_qualification: null,
  exit_employed: null,
};
const followUpNone = { follow_up_checked_on: null, follow_up_outcome: null, follow_up_employed: null, follow_up_improved: null };
const resultRow = {
  participant_id: 'p1',
  exit_checked_on: '2026-12-04',
  exit_job_searching: 1,
  exit_in_education: 0,
  exit_qualification: 0,
  exit_employed: 0,
  follow_up_checked_on: '2027-06-04',
  follow_up_outcome: 'reached',
  follow_up_employed: 1,
  follow_up_improved: 1,
  updated_at: 'a',
  updated_by: 'u1',
};

describe('0020-participation-results', () => {
  it('leaves the four intake answers of an existing participant unasked, and takes yes, no or unknown', () => {
    const db = across(20, seed);
    const columns = ['third_country_national', 'foreign_background', 'disability', 'housing_exclusion'];
    expect(db.prepare(`SELECT ${columns.join(', ')} FROM participants`).get()).toEqual(
      Object.fromEntries(columns.map((c) => [c, null])),
    );
    for (const c of columns) {
      for (const answer of ['yes', 'no', 'unknown']) db.prepare(`UPDATE participants SET ${c} = ?`).run(answer);
      expect(() => db.prepare(`UPDATE participants SET ${c} = 'maybe'`).run(), c).toThrow(/CHECK/);
    }
  });

  it('keeps one result a participant, the exit answers all or none, the follow-up answers exactly when reached', () => {
    const db = at(20);
    seed(db);
    insertRow(db, 'participation_results', resultRow);
    expect(() => insertRow(db, 'participation_results', resultRow)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM participation_results').run();
    const fine: Record<string, unknown>[] = [
      { ...exitNone },
      { ...followUpNone },
      { ...exitNone, ...followUpNone },
      { follow_up_outcome: 'not_reached', follow_up_employed: null, follow_up_improved: null },
    ];
    for (const values of fine) {
      insertRow(db, 'participation_results', { ...resultRow, ...values });
      db.prepare('DELETE FROM participation_results').run();
    }
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ exit_checked_on: null }, /CHECK/],
      [{ ...exitNone, exit_employed: 1 }, /CHECK/],
      [{ exit_in_education: 2 }, /CHECK/],
      [{ exit_checked_on: '2026-12' }, /CHECK/],
      [{ follow_up_outcome: 'moved' }, /CHECK/],
      [{ follow_up_checked_on: null }, /CHECK/],
      [{ follow_up_outcome: null, follow_up_employed: null, follow_up_improved: null }, /CHECK/],
      [{ follow_up_improved: null }, /CHECK/],
      [{ follow_up_outcome: 'not_reached' }, /CHECK/],
      [{ participant_id: 'nobody' }, /FOREIGN KEY/],
      [{ updated_by: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused)
      expect(() => insertRow(db, 'participation_results', { ...resultRow, ...values }), JSON.stringify(values)).toThrow(error);
  });
});
