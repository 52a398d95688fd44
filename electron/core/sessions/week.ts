/**
 * The sessions of one week: every cohort's for the week view, one cohort's for its printed schedule. Read with
 * the shared session reader (sessions/rows.ts), so a session looks the same here as in the cohort's calendar.
 */
import type { Session, WeekSession } from '@shared/sessions';
import { addDays } from '@shared/days';
import { cohortEndDate } from '../cohorts/repo';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';
import { SESSION_ORDER, SESSION_SELECT, toSession, type SessionDbRow } from './rows';

/** Monday .. Sunday of the week that starts on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Every cohort's sessions from Monday to Sunday, cancelled ones included, in time order. */
export function sessionsOfWeek(db: Db, monday: string): WeekSession[] {
  const sessions = all<SessionDbRow>(db, {
    text: `${SESSION_SELECT} WHERE s.date BETWEEN ? AND ? ${SESSION_ORDER}`,
    values: [monday, addDays(monday, 6)],
  }).map(toSession);
  const cohorts = new Map(
    all<{ id: string; name: string; startDate: string; lengthWeeks: number }>(
      db,
      sql`SELECT id, name, start_date AS startDate, length_weeks AS lengthWeeks FROM cohorts
          WHERE id IN (SELECT cohort_id FROM cohort_sessions WHERE date BETWEEN ${monday} AND ${addDays(monday, 6)})`,
    ).map((row) => [row.id, row]),
  );
  return sessions.map((session) => {
    const cohort = cohorts.get(session.cohortId);
    if (!cohort) throw new Error('cohort vanished');
    return {
      ...session,
      cohortName: cohort.name,
      cohortStartDate: cohort.startDate,
      cohortEndDate: cohortEndDate(cohort.startDate, cohort.lengthWeeks),
    };
  });
}

/** One cohort's sessions from Monday to Sunday, in time order. */
export function cohortWeek(db: Db, cohortId: string, monday: string): Session[] {
  return all<SessionDbRow>(db, {
    text: `${SESSION_SELECT} WHERE s.cohort_id = ? AND s.date BETWEEN ? AND ? ${SESSION_ORDER}`,
    values: [cohortId, monday, addDays(monday, 6)],
  }).map(toSession);
}

/** A cohort's name and period, for its printed week; undefined when there is no such cohort. */
export function cohortOfWeek(db: Db, cohortId: string): { name: string; startDate: string; endDate: string } | undefined {
  const row = get<{ name: string; startDate: string; lengthWeeks: number }>(
    db,
    sql`SELECT name, start_date AS startDate, length_weeks AS lengthWeeks FROM cohorts WHERE id = ${cohortId}`,
  );
  return row && { name: row.name, startDate: row.startDate, endDate: cohortEndDate(row.startDate, row.lengthWeeks) };
}

/** The cohort's name, or undefined when there is no such cohort. */
export function cohortName(db: Db, cohortId: string): string | undefined {
  return get<{ name: string }>(db, sql`SELECT name FROM cohorts WHERE id = ${cohortId}`)?.name;
}
