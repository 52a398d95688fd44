/**
 * A participation's entry and exit, the one rule both the file and the funder's report count by: one
 * participation a person and project, however many cohorts they were in, so its entry is the start of the
 * participant's first enrolment and its exit the end of their last, once none is open (a participant in a group
 * has not left). No dates of their own are stored: the enrolments are the record.
 */
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';

export interface ParticipationDates {
  /** The first enrolment's start. */
  entryDate: string;
  /** The last enrolment's end; null while an enrolment is open. */
  exitDate: string | null;
}

/**
 * The entry and exit of every participant with an enrolment (of those in `participantIds`, when given); a
 * participant never enrolled has no entry in the map. One query, grouped over the enrolments.
 */
export function participationDates(db: Db, participantIds?: readonly string[]): Map<string, ParticipationDates> {
  const only = participantIds === undefined ? null : JSON.stringify(participantIds);
  const rows = all<{ participant_id: string; entry_date: string; exit_date: string | null }>(
    db,
    // count(end_date) counts the ended enrolments: equal to count(*) exactly when none is open.
    sql`SELECT participant_id, min(start_date) AS entry_date,
          CASE WHEN count(end_date) = count(*) THEN max(end_date) END AS exit_date
        FROM enrolments
        WHERE ${only} IS NULL OR participant_id IN (SELECT value FROM json_each(${only}))
        GROUP BY participant_id`,
  );
  return new Map(rows.map((r) => [r.participant_id, { entryDate: r.entry_date, exitDate: r.exit_date }]));
}

/** One participant's entry and exit, or null when they were never enrolled. */
export function participationDatesOf(db: Db, participantId: string): ParticipationDates | null {
  return participationDates(db, [participantId]).get(participantId) ?? null;
}

/**
 * How each participation that has left ended: the outcome of the enrolment that ended last (by its end, then its
 * start), the one whose end is the participation's exit.
 */
export function exitOutcomes(db: Db): Map<string, 'completed' | 'discontinued'> {
  const outcomes = new Map<string, 'completed' | 'discontinued'>();
  for (const row of all<{ participant_id: string; outcome: 'completed' | 'discontinued' }>(
    db,
    sql`SELECT participant_id, outcome FROM enrolments WHERE end_date IS NOT NULL ORDER BY end_date, start_date`,
  )) {
    outcomes.set(row.participant_id, row.outcome);
  }
  return outcomes;
}
