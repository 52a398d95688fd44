import {
  COHORT_DEFAULTS,
  type CohortDetail,
  type CohortSummary,
  type Enrolment,
  type EnrolmentMode,
  type EnrolmentOutcome,
} from '@shared/cohorts';
import { addDays } from '@shared/days';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { foldText } from '../participants/keys';

interface CohortDbRow {
  id: string;
  name: string;
  start_date: string;
  length_weeks: number;
  weekdays: string;
  start_time: string;
  end_time: string;
  place: string | null;
  enrolled: number;
}

interface EnrolmentDbRow {
  id: string;
  participant_id: string;
  cohort_id: string;
  cohort_name: string;
  start_date: string;
  end_date: string | null;
  outcome: EnrolmentOutcome | null;
  outcome_reason: string | null;
  mode: EnrolmentMode;
}

/** The last day of a cohort's period: the day before the week after its last week starts. */
export function cohortEndDate(startDate: string, lengthWeeks: number): string {
  return addDays(startDate, lengthWeeks * 7 - 1);
}

/** Weekdays as stored ('1,2,3,4') and as the contract has them ([1, 2, 3, 4]). */
export const weekdaysToText = (weekdays: readonly number[]): string => weekdays.join(',');
export const weekdaysOfText = (text: string): number[] =>
  text
    .split(',')
    .filter((part) => part !== '')
    .map(Number);

const toCohort = (row: CohortDbRow): CohortSummary => ({
  id: row.id,
  name: row.name,
  startDate: row.start_date,
  lengthWeeks: row.length_weeks,
  endDate: cohortEndDate(row.start_date, row.length_weeks),
  weekdays: weekdaysOfText(row.weekdays),
  startTime: row.start_time,
  endTime: row.end_time,
  place: row.place,
  enrolled: row.enrolled,
});

const toEnrolment = (row: EnrolmentDbRow): Enrolment => ({
  id: row.id,
  participantId: row.participant_id,
  cohortId: row.cohort_id,
  cohortName: row.cohort_name,
  startDate: row.start_date,
  endDate: row.end_date,
  outcome: row.outcome,
  outcomeReason: row.outcome_reason,
  mode: row.mode,
});

/** A cohort name's comparison key: "Kevät 2027" and "KEVAT 2027" are the same name. */
export function cohortNameKey(name: string): string {
  return foldText(name);
}

const COHORT_COLUMNS = sql`SELECT c.id, c.name, c.start_date, c.length_weeks, c.weekdays, c.start_time, c.end_time,
         c.place, (SELECT count(*) FROM enrolments e WHERE e.cohort_id = c.id AND e.end_date IS NULL) AS enrolled
       FROM cohorts c`.text;

/** Every cohort, newest start first. */
export function listCohorts(db: Db): CohortSummary[] {
  return all<CohortDbRow>(db, { text: `${COHORT_COLUMNS} ORDER BY c.start_date DESC, c.name_key`, values: [] }).map(toCohort);
}

export function findCohort(db: Db, id: string): CohortSummary | undefined {
  const row = get<CohortDbRow>(db, { text: `${COHORT_COLUMNS} WHERE c.id = ?`, values: [id] });
  return row ? toCohort(row) : undefined;
}

/** A cohort with its staff (by name) and how many of its sessions are planned and cancelled. */
export function findCohortDetail(db: Db, id: string): CohortDetail | undefined {
  const cohort = findCohort(db, id);
  if (!cohort) return undefined;
  const staff = all<{ id: string; display_name: string; role: string }>(
    db,
    sql`SELECT u.id, u.display_name, u.role FROM cohort_staff cs JOIN users u ON u.id = cs.user_id
        WHERE cs.cohort_id = ${id} ORDER BY u.display_name COLLATE NOCASE, u.id`,
  ).map((row) => ({ userId: row.id, displayName: row.display_name, role: row.role }));
  const counts = get<{ planned: number; cancelled: number }>(
    db,
    sql`SELECT coalesce(sum(state = 'planned'), 0) AS planned, coalesce(sum(state = 'cancelled'), 0) AS cancelled
        FROM cohort_sessions WHERE cohort_id = ${id}`,
  );
  return { ...cohort, staff, sessions: counts?.planned ?? 0, cancelledSessions: counts?.cancelled ?? 0 };
}

export function cohortNameInUse(db: Db, name: string, exceptId: string | null = null): boolean {
  return (
    get(db, sql`SELECT 1 FROM cohorts WHERE name_key = ${cohortNameKey(name)} AND (${exceptId} IS NULL OR id <> ${exceptId})`) !==
    undefined
  );
}

export interface NewCohort {
  id: string;
  name: string;
  startDate: string;
  lengthWeeks: number;
  /** The programme's usual rhythm (COHORT_DEFAULTS) when left out. */
  weekdays?: readonly number[];
  startTime?: string;
  endTime?: string;
  place?: string | null;
  createdBy: string;
  createdAt: string;
}

export function insertCohort(db: Db, c: NewCohort): void {
  const weekdays = weekdaysToText(c.weekdays ?? COHORT_DEFAULTS.weekdays);
  const startTime = c.startTime ?? COHORT_DEFAULTS.startTime;
  const endTime = c.endTime ?? COHORT_DEFAULTS.endTime;
  run(
    db,
    sql`INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, weekdays, start_time, end_time, place,
                             created_by, created_at)
        VALUES (${c.id}, ${c.name}, ${cohortNameKey(c.name)}, ${c.startDate}, ${c.lengthWeeks}, ${weekdays},
                ${startTime}, ${endTime}, ${c.place ?? null}, ${c.createdBy}, ${c.createdAt})`,
  );
}

export function renameCohort(db: Db, id: string, name: string): void {
  run(db, sql`UPDATE cohorts SET name = ${name}, name_key = ${cohortNameKey(name)} WHERE id = ${id}`);
}

export function setCohortPlace(db: Db, id: string, place: string | null): void {
  run(db, sql`UPDATE cohorts SET place = ${place} WHERE id = ${id}`);
}

/** Replaces the cohort's staff with `userIds`. */
export function setCohortStaff(db: Db, cohortId: string, userIds: readonly string[]): void {
  run(db, sql`DELETE FROM cohort_staff WHERE cohort_id = ${cohortId}`);
  for (const userId of userIds) run(db, sql`INSERT INTO cohort_staff (cohort_id, user_id) VALUES (${cohortId}, ${userId})`);
}

const ENROLMENT_COLUMNS = sql`SELECT e.*, c.name AS cohort_name FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id`.text;

export function findEnrolment(db: Db, id: string): Enrolment | undefined {
  const row = get<EnrolmentDbRow>(db, { text: `${ENROLMENT_COLUMNS} WHERE e.id = ?`, values: [id] });
  return row ? toEnrolment(row) : undefined;
}

/** The participant's enrolments: the open one first, then the ended ones, newest first. */
export function listEnrolments(db: Db, participantId: string): Enrolment[] {
  return all<EnrolmentDbRow>(db, {
    text: `${ENROLMENT_COLUMNS} WHERE e.participant_id = ? ORDER BY e.end_date IS NOT NULL, e.start_date DESC, e.id`,
    values: [participantId],
  }).map(toEnrolment);
}

/** Every enrolment in a cohort: the open ones first, then the ended ones, newest first. */
export function listCohortEnrolments(db: Db, cohortId: string): Enrolment[] {
  return all<EnrolmentDbRow>(db, {
    text: `${ENROLMENT_COLUMNS} WHERE e.cohort_id = ? ORDER BY e.end_date IS NOT NULL, e.start_date DESC, e.id`,
    values: [cohortId],
  }).map(toEnrolment);
}

export function findOpenEnrolment(db: Db, participantId: string): Enrolment | undefined {
  const row = get<EnrolmentDbRow>(db, {
    text: `${ENROLMENT_COLUMNS} WHERE e.participant_id = ? AND e.end_date IS NULL`,
    values: [participantId],
  });
  return row ? toEnrolment(row) : undefined;
}

export function insertEnrolment(
  db: Db,
  e: { id: string; participantId: string; cohortId: string; startDate: string; mode?: EnrolmentMode },
): void {
  run(
    db,
    sql`INSERT INTO enrolments (id, participant_id, cohort_id, start_date, mode)
        VALUES (${e.id}, ${e.participantId}, ${e.cohortId}, ${e.startDate}, ${e.mode ?? 'group'})`,
  );
}

export function endEnrolment(
  db: Db,
  id: string,
  end: { endDate: string; outcome: EnrolmentOutcome; reason: string | null },
): void {
  run(
    db,
    sql`UPDATE enrolments SET end_date = ${end.endDate}, outcome = ${end.outcome}, outcome_reason = ${end.reason}
        WHERE id = ${id} AND end_date IS NULL`,
  );
}

/** Active colleagues of any role, by name: who can be on a cohort's staff. */
export function listStaffOptions(db: Db): { userId: string; displayName: string; role: string }[] {
  return all<{ id: string; display_name: string; role: string }>(
    db,
    sql`SELECT id, display_name, role FROM users WHERE active = 1 ORDER BY display_name COLLATE NOCASE, id`,
  ).map((row) => ({ userId: row.id, displayName: row.display_name, role: row.role }));
}

/** Participants with a file still open (referred or active) and no open enrolment, by pseudonym. */
export function listEnrolCandidateIds(db: Db): string[] {
  return all<{ id: string }>(
    db,
    sql`SELECT p.id FROM participants p
        WHERE p.status IN ('referred', 'active')
          AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.end_date IS NULL)
        ORDER BY p.pseudonym_year, p.pseudonym_number`,
  ).map((row) => row.id);
}
