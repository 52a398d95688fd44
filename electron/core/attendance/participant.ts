import { ATTENDANCE_MARKS, type AttendanceMark, type ParticipantCohortAttendance } from '@shared/attendance';
import type { SessionTopic } from '@shared/sessions';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import { attendanceFigures, type EnrolledPeriod, type FigureSession } from './figures';

interface GroupPeriodRow extends EnrolledPeriod {
  cohortId: string;
  cohortName: string;
}

interface SessionRow extends FigureSession {
  topic: SessionTopic | null;
}

/**
 * A participant's attendance in each cohort they were in as one of the group (individual guidance has no group
 * sessions), by the programme's rules (figures.ts): held sessions (planned, on or before today) while a group
 * enrolment was open. The rate leaves excused absences out; the counts by mark and the list of marks cover the
 * same held sessions, excused ones included. Cohorts in the order the participant first joined them; marks newest
 * first. Shared by the participant's file and the case summary print.
 */
export function participantAttendance(
  db: Db,
  participantId: string,
  today: string,
  threshold: number,
): ParticipantCohortAttendance[] {
  const periods = new Map<string, { cohortName: string; periods: EnrolledPeriod[] }>();
  for (const row of all<GroupPeriodRow>(
    db,
    sql`SELECT e.cohort_id AS cohortId, c.name AS cohortName, e.start_date AS startDate, e.end_date AS endDate
        FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.participant_id = ${participantId} AND e.mode = 'group'
        ORDER BY e.start_date, e.id`,
  )) {
    const entry = periods.get(row.cohortId) ?? { cohortName: row.cohortName, periods: [] };
    entry.periods.push({ startDate: row.startDate, endDate: row.endDate });
    periods.set(row.cohortId, entry);
  }
  const marks = new Map(
    all<{ sessionId: string; mark: AttendanceMark }>(
      db,
      sql`SELECT session_id AS sessionId, mark FROM attendance WHERE participant_id = ${participantId}`,
    ).map((row) => [row.sessionId, row.mark]),
  );
  return [...periods].map(([cohortId, { cohortName, periods: own }]) => {
    const sessions = all<SessionRow>(
      db,
      sql`SELECT id, date, state, topic FROM cohort_sessions WHERE cohort_id = ${cohortId} ORDER BY date, start_time, id`,
    );
    const counts = Object.fromEntries(ATTENDANCE_MARKS.map((mark) => [mark, 0])) as Record<AttendanceMark, number>;
    const marked: ParticipantCohortAttendance['marks'] = [];
    for (const s of sessions) {
      const mark = marks.get(s.id);
      const open = own.some((p) => p.startDate <= s.date && (p.endDate === null || s.date <= p.endDate));
      if (!mark || !open || s.state !== 'planned' || s.date > today) continue;
      counts[mark] += 1;
      marked.push({ sessionId: s.id, date: s.date, topic: s.topic, mark });
    }
    return {
      cohortId,
      cohortName,
      figures: attendanceFigures(sessions, marks, own, today, threshold),
      counts,
      marks: marked.reverse(),
    };
  });
}
