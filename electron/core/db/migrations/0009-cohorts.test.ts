import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

function seeded(): Db {
  const db = across(9, (before) => {
    addUser(before);
    addParticipant(before);
  });
  db.prepare(
    `INSERT INTO cohorts (id, name, name_key, start_date, created_by, created_at)
     VALUES ('c1', 'Spring', 'spring', '2027-01-11', 'u1', 'now'), ('c2', 'Autumn', 'autumn', '2027-08-16', 'u1', 'now')`,
  ).run();
  return db;
}

const enrol = (db: Db, id: string, cohort: string, end: string | null = null, outcome: string | null = null) =>
  db
    .prepare(
      `INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome) VALUES (?, 'p1', ?, '2027-01-11', ?, ?)`,
    )
    .run(id, cohort, end, outcome);

describe('0009-cohorts', () => {
  it('adds cohorts of ten weeks by default beside the existing participants', () => {
    const db = seeded();
    expect(db.prepare('SELECT id FROM participants').all()).toEqual([{ id: 'p1' }]);
    expect(db.prepare(`SELECT length_weeks FROM cohorts WHERE id = 'c1'`).get()).toEqual({ length_weeks: 10 });
    expect(() =>
      db
        .prepare(
          `INSERT INTO cohorts (id, name, name_key, start_date, created_by, created_at) VALUES ('c3', 'SPRING', 'spring', '2027-01-01', 'u1', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('keeps at most one open enrolment a participant, and any number of ended ones', () => {
    const db = seeded();
    enrol(db, 'e1', 'c1', '2027-02-01', 'completed');
    enrol(db, 'e2', 'c2');
    expect(() => enrol(db, 'e3', 'c1')).toThrow(/UNIQUE/);
    enrol(db, 'e4', 'c1', '2027-03-01', 'discontinued');
    expect(db.prepare('SELECT count(*) AS n FROM enrolments').get()).toEqual({ n: 3 });
    db.close();
  });

  it('refuses an unknown outcome, an end without an outcome, and an enrolment in a cohort that does not exist', () => {
    const db = seeded();
    expect(() => enrol(db, 'e1', 'c1', '2027-02-01', 'graduated')).toThrow(/CHECK/);
    expect(() => enrol(db, 'e2', 'c1', '2027-02-01', null)).toThrow(/CHECK/);
    expect(() => enrol(db, 'e3', 'nope')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
