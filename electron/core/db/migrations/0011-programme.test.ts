import { describe, expect, it } from 'vitest';
import { findCohort, findCohortDetail, listEnrolments } from '../../cohorts/repo';
import { migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** A version-10 database with two cohorts, an open and an ended enrolment, then taken to 11. */
const migrated = (): Db =>
  across(11, (db) =>
    db.exec(`
    INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'A', 'a', 'caseworker', 'now');
    INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
      VALUES ('p1', 'P-2026-001', 2026, 1, 'active', 'now', 'now', 'u1'),
             ('p2', 'P-2026-002', 2026, 2, 'active', 'now', 'now', 'u1');
    INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at)
      VALUES ('c1', 'Spring', 'spring', '2027-01-11', 10, 'u1', 'now'), ('c2', 'Autumn', 'autumn', '2026-08-17', 12, 'u1', 'now');
    INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome, outcome_reason)
      VALUES ('e1', 'p1', 'c2', '2026-08-17', '2026-10-01', 'discontinued', 'Moved'),
             ('e2', 'p1', 'c1', '2027-01-11', NULL, NULL, NULL),
             ('e3', 'p2', 'c1', '2027-01-18', NULL, NULL, NULL);
  `),
  );

describe('0011-programme', () => {
  it('keeps the cohorts with the programme’s usual rhythm and no place, staff or sessions', () => {
    const db = migrated();
    expect(db.prepare('SELECT id, weekdays, start_time, end_time, place FROM cohorts ORDER BY id').all()).toEqual([
      { id: 'c1', weekdays: '1,2,3,4', start_time: '09:00', end_time: '12:00', place: null },
      { id: 'c2', weekdays: '1,2,3,4', start_time: '09:00', end_time: '12:00', place: null },
    ]);
    expect(findCohortDetail(db, 'c2')).toEqual({
      id: 'c2',
      name: 'Autumn',
      startDate: '2026-08-17',
      lengthWeeks: 12,
      endDate: '2026-11-08',
      weekdays: [1, 2, 3, 4],
      startTime: '09:00',
      endTime: '12:00',
      place: null,
      enrolled: 0,
      staff: [],
      sessions: 0,
      cancelledSessions: 0,
    });
    expect(findCohort(db, 'c1')?.enrolled).toBe(2);
    for (const table of ['cohort_staff', 'cohort_sessions', 'attendance', 'partners', 'partner_contacts', 'visits'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
  });

  it('keeps every enrolment, open and ended, in group mode', () => {
    const db = migrated();
    expect(listEnrolments(db, 'p1').map((e) => [e.id, e.cohortId, e.endDate, e.outcome, e.outcomeReason, e.mode])).toEqual([
      ['e2', 'c1', null, null, null, 'group'],
      ['e1', 'c2', '2026-10-01', 'discontinued', 'Moved', 'group'],
    ]);
    expect(() => db.prepare(`UPDATE enrolments SET mode = 'solo' WHERE id = 'e3'`).run()).toThrow(/CHECK/);
  });

  it('keeps sessions sane: an end after the start, a reason exactly when cancelled, known marks, one visit a session', () => {
    const db = migrated();
    const session = db.prepare(
      `INSERT INTO cohort_sessions (id, cohort_id, date, start_time, end_time, state, cancel_reason, created_at, updated_at)
       VALUES (?, 'c1', '2027-01-11', ?, ?, ?, ?, 'now', 'now')`,
    );
    session.run('s1', '09:00', '12:00', 'planned', null);
    expect(() => session.run('s2', '12:00', '09:00', 'planned', null)).toThrow(/CHECK/);
    expect(() => session.run('s3', '09:00', '12:00', 'cancelled', null)).toThrow(/CHECK/);
    expect(() => session.run('s4', '09:00', '12:00', 'planned', 'Why')).toThrow(/CHECK/);
    const mark = db.prepare(
      `INSERT INTO attendance (session_id, participant_id, mark, marked_by, marked_at) VALUES ('s1', ?, ?, 'u1', 'now')`,
    );
    mark.run('p1', 'present');
    expect(() => mark.run('p2', 'sleeping')).toThrow(/CHECK/);
    expect(() => mark.run('p1', 'late')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(
      `INSERT INTO partners (id, name, name_key, type, created_by, created_at, updated_at)
       VALUES ('x1', 'Firma', 'firma', 'employer', 'u1', 'now', 'now')`,
    ).run();
    const visit = db.prepare(
      `INSERT INTO visits (id, session_id, partner_id, kind, created_by, created_at, updated_at)
       VALUES (?, 's1', 'x1', 'company', 'u1', 'now', 'now')`,
    );
    visit.run('v1');
    expect(() => visit.run('v2')).toThrow(/UNIQUE/);
  });
});
