import { ATTENDED_MARKS, type AttendanceMark } from '@shared/attendance';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

/** A group-mode enrolment as attendance needs it. */
export interface GroupEnrolment {
  participantId: string;
  startDate: string;
  endDate: string | null;
}

interface EnrolmentDbRow {
  participant_id: string;
  start_date: string;
  end_date: string | null;
}

const toGroupEnrolment = (row: EnrolmentDbRow): GroupEnrolment => ({
  participantId: row.participant_id,
  startDate: row.start_date,
  endDate: row.end_date,
});

/** Every group-mode enrolment in the cohort, open and ended, oldest start first. */
export function groupEnrolments(db: Db, cohortId: string): GroupEnrolment[] {
  return all<EnrolmentDbRow>(
    db,
    sql`SELECT participant_id, start_date, end_date FROM enrolments
        WHERE cohort_id = ${cohortId} AND mode = 'group' ORDER BY start_date, id`,
  ).map(toGroupEnrolment);
}

/** The participant's group-mode enrolments in the cohort, oldest start first. */
export function groupEnrolmentsOf(db: Db, cohortId: string, participantId: string): GroupEnrolment[] {
  return all<EnrolmentDbRow>(
    db,
    sql`SELECT participant_id, start_date, end_date FROM enrolments
        WHERE cohort_id = ${cohortId} AND participant_id = ${participantId} AND mode = 'group' ORDER BY start_date, id`,
  ).map(toGroupEnrolment);
}

/** The open group-mode enrolments of the cohort. */
export function openGroupEnrolments(db: Db, cohortId: string): GroupEnrolment[] {
  return all<EnrolmentDbRow>(
    db,
    sql`SELECT participant_id, start_date, end_date FROM enrolments
        WHERE cohort_id = ${cohortId} AND mode = 'group' AND end_date IS NULL ORDER BY start_date, id`,
  ).map(toGroupEnrolment);
}

/** Whether the participant was in the cohort in group mode on `date`. */
export function enrolledInGroupOn(db: Db, cohortId: string, participantId: string, date: string): boolean {
  return (
    get(
      db,
      sql`SELECT 1 FROM enrolments
          WHERE cohort_id = ${cohortId} AND participant_id = ${participantId} AND mode = 'group'
            AND start_date <= ${date} AND (end_date IS NULL OR end_date >= ${date})`,
    ) !== undefined
  );
}

export interface MarkRow {
  sessionId: string;
  participantId: string;
  mark: AttendanceMark;
}

/** Every mark given in the cohort's sessions. */
export function cohortMarks(db: Db, cohortId: string): MarkRow[] {
  return all<{ session_id: string; participant_id: string; mark: AttendanceMark }>(
    db,
    sql`SELECT a.session_id, a.participant_id, a.mark FROM attendance a
          JOIN cohort_sessions s ON s.id = a.session_id
        WHERE s.cohort_id = ${cohortId}`,
  ).map((row) => ({ sessionId: row.session_id, participantId: row.participant_id, mark: row.mark }));
}

/** The participant's marks in the cohort's sessions, by session id. */
export function participantMarks(db: Db, cohortId: string, participantId: string): Map<string, AttendanceMark> {
  const rows = all<{ session_id: string; mark: AttendanceMark }>(
    db,
    sql`SELECT a.session_id, a.mark FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id
        WHERE s.cohort_id = ${cohortId} AND a.participant_id = ${participantId}`,
  );
  return new Map(rows.map((row) => [row.session_id, row.mark]));
}

export function findMark(db: Db, sessionId: string, participantId: string): AttendanceMark | null {
  return (
    get<{ mark: AttendanceMark }>(
      db,
      sql`SELECT mark FROM attendance WHERE session_id = ${sessionId} AND participant_id = ${participantId}`,
    )?.mark ?? null
  );
}

/** Sets the mark, or with null removes it. */
export function writeMark(
  db: Db,
  m: { sessionId: string; participantId: string; mark: AttendanceMark | null; userId: string; at: string },
): void {
  if (m.mark === null) {
    run(db, sql`DELETE FROM attendance WHERE session_id = ${m.sessionId} AND participant_id = ${m.participantId}`);
    return;
  }
  run(
    db,
    sql`INSERT INTO attendance (session_id, participant_id, mark, marked_by, marked_at)
        VALUES (${m.sessionId}, ${m.participantId}, ${m.mark}, ${m.userId}, ${m.at})
        ON CONFLICT (session_id, participant_id) DO UPDATE
          SET mark = excluded.mark, marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
  );
}

/** One participant's attendance in one cohort over a period, by the programme's rule (`heldAttendance`). */
export interface HeldAttendance {
  cohortId: string;
  participantId: string;
  /** Marks that count: on sessions held, excused absences left out. */
  counted: number;
  /** Of those, the ones attended (`ATTENDED_MARKS`). */
  attended: number;
}

/**
 * Attendance by the programme's rule (`attendance/figures.ts`) over a period, for the reports: the marks on
 * sessions held (planned, on or before `today`) within [from, to] (of one cohort, when given), excused absences left
 * out, attended as `ATTENDED_MARKS` say. Per cohort and participant, so that a report sums what it counts.
 */
export function heldAttendance(
  db: Db,
  period: { from: string; to: string; cohortId: string | null },
  today: string,
): HeldAttendance[] {
  const last = period.to < today ? period.to : today;
  const rows = all<{ cohort_id: string; participant_id: string; mark: AttendanceMark; n: number }>(
    db,
    sql`SELECT s.cohort_id, a.participant_id, a.mark, count(*) AS n
          FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id
         WHERE s.state = 'planned' AND s.date >= ${period.from} AND s.date <= ${last} AND a.mark <> 'excused'
           AND (${period.cohortId} IS NULL OR s.cohort_id = ${period.cohortId})
         GROUP BY s.cohort_id, a.participant_id, a.mark`,
  );
  const byPair = new Map<string, HeldAttendance>();
  for (const row of rows) {
    const key = `${row.cohort_id}\u0000${row.participant_id}`;
    let found = byPair.get(key);
    if (!found) {
      found = { cohortId: row.cohort_id, participantId: row.participant_id, counted: 0, attended: 0 };
      byPair.set(key, found);
    }
    found.counted += row.n;
    if (ATTENDED_MARKS.includes(row.mark)) found.attended += row.n;
  }
  return [...byPair.values()];
}
