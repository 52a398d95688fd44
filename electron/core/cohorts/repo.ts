import type { CohortSummary, Enrolment, EnrolmentOutcome } from '@shared/cohorts';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { foldText } from '../participants/keys';

interface CohortDbRow {
  id: string;
  name: string;
  start_date: string;
  length_weeks: number;
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
}

const toCohort = (row: CohortDbRow): CohortSummary => ({
  id: row.id,
  name: row.name,
  startDate: row.start_date,
  lengthWeeks: row.length_weeks,
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
});

/** A cohort name's comparison key: "Kevät 2027" and "KEVAT 2027" are the same name. */
export function cohortNameKey(name: string): string {
  return foldText(name);
}

const COHORT_COLUMNS = sql`SELECT c.id, c.name, c.start_date, c.length_weeks,
         (SELECT count(*) FROM enrolments e WHERE e.cohort_id = c.id AND e.end_date IS NULL) AS enrolled
       FROM cohorts c`.text;

/** Every cohort, newest start first. */
export function listCohorts(db: Db): CohortSummary[] {
  return all<CohortDbRow>(db, { text: `${COHORT_COLUMNS} ORDER BY c.start_date DESC, c.name_key`, values: [] }).map(toCohort);
}

export function findCohort(db: Db, id: string): CohortSummary | undefined {
  const row = get<CohortDbRow>(db, { text: `${COHORT_COLUMNS} WHERE c.id = ?`, values: [id] });
  return row ? toCohort(row) : undefined;
}

export function cohortNameInUse(db: Db, name: string): boolean {
  return get(db, sql`SELECT 1 FROM cohorts WHERE name_key = ${cohortNameKey(name)}`) !== undefined;
}

export interface NewCohort {
  id: string;
  name: string;
  startDate: string;
  lengthWeeks: number;
  createdBy: string;
  createdAt: string;
}

export function insertCohort(db: Db, c: NewCohort): void {
  run(
    db,
    sql`INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at)
        VALUES (${c.id}, ${c.name}, ${cohortNameKey(c.name)}, ${c.startDate}, ${c.lengthWeeks}, ${c.createdBy},
                ${c.createdAt})`,
  );
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

export function findOpenEnrolment(db: Db, participantId: string): Enrolment | undefined {
  const row = get<EnrolmentDbRow>(db, {
    text: `${ENROLMENT_COLUMNS} WHERE e.participant_id = ? AND e.end_date IS NULL`,
    values: [participantId],
  });
  return row ? toEnrolment(row) : undefined;
}

export function insertEnrolment(db: Db, e: { id: string; participantId: string; cohortId: string; startDate: string }): void {
  run(
    db,
    sql`INSERT INTO enrolments (id, participant_id, cohort_id, start_date)
        VALUES (${e.id}, ${e.participantId}, ${e.cohortId}, ${e.startDate})`,
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
