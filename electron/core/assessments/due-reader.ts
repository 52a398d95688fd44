/**
 * The vault side of due dates: what `stagesDue` (./due.ts) is computed from, read for one participant or many at
 * once (Today, a cohort's list) with two queries in all, each cohort's teaching weeks worked out once.
 *
 * The enrolment that counts is the participant's open one, else their latest ended one (the order the file lists
 * them in). Individual guidance is an enrolment with mode `individual`: its own start date, not the group's
 * calendar. A participant never enrolled has no basis: no stage is due for them, and the file says so.
 * The recorded stages come from the assessments table, which the caller reads; this module does not know it.
 */
import { type EnrolmentMode, type EnrolmentOutcome } from '@shared/cohorts';
import type { ParticipantStatus } from '@shared/participants';
import { cohortEndDate } from '../cohorts/repo';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import type { AssessmentStage } from '@shared/assessments';
import { stagesDue, teachingWeeks, type DueBasis, type StageDue, type TeachingWeek } from './due';

/** A participant's basis for due dates, and whether their file is closed. */
export interface ParticipantDueBasis {
  participantId: string;
  basis: DueBasis;
  closed: boolean;
}

interface EnrolmentRow {
  participant_id: string;
  cohort_id: string;
  start_date: string;
  end_date: string | null;
  outcome: EnrolmentOutcome | null;
  mode: EnrolmentMode;
  cohort_start: string;
  length_weeks: number;
  status: ParticipantStatus;
}

/**
 * The due-date basis of each participant given who has one (an enrolment), keyed by participant id. Participants
 * not enrolled, or not in the vault, are absent from the map.
 */
export function readDueBases(db: Db, participantIds: readonly string[]): Map<string, ParticipantDueBasis> {
  const ids = JSON.stringify(participantIds);
  const rows = all<EnrolmentRow>(
    db,
    sql`SELECT e.participant_id, e.cohort_id, e.start_date, e.end_date, e.outcome, e.mode,
               c.start_date AS cohort_start, c.length_weeks, p.status
          FROM enrolments e
          JOIN cohorts c ON c.id = e.cohort_id
          JOIN participants p ON p.id = e.participant_id
         WHERE e.participant_id IN (SELECT value FROM json_each(${ids}))
         ORDER BY e.participant_id, e.end_date IS NOT NULL, e.start_date DESC, e.id`,
  );
  const chosen = new Map<string, EnrolmentRow>();
  for (const row of rows) if (!chosen.has(row.participant_id)) chosen.set(row.participant_id, row);

  const groupCohorts = new Map<string, EnrolmentRow>();
  for (const row of chosen.values()) if (row.mode === 'group') groupCohorts.set(row.cohort_id, row);
  const weeksOf = readTeachingWeeks(db, [...groupCohorts.values()]);

  const bases = new Map<string, ParticipantDueBasis>();
  for (const row of chosen.values()) {
    const left = row.end_date && row.outcome ? { date: row.end_date, outcome: row.outcome } : null;
    const basis: DueBasis =
      row.mode === 'individual'
        ? { kind: 'individual', start: row.start_date, left }
        : { kind: 'cohort', weeks: weeksOf.get(row.cohort_id)!, joined: row.start_date, left };
    bases.set(row.participant_id, { participantId: row.participant_id, basis, closed: row.status === 'closed' });
  }
  return bases;
}

/** Each cohort's teaching weeks from its planned sessions, in one query for all of them. */
function readTeachingWeeks(
  db: Db,
  cohorts: readonly { cohort_id: string; cohort_start: string; length_weeks: number }[],
): Map<string, TeachingWeek[]> {
  const ids = JSON.stringify(cohorts.map((c) => c.cohort_id));
  const dates = new Map<string, string[]>(cohorts.map((c) => [c.cohort_id, []]));
  const rows = all<{ cohort_id: string; date: string }>(
    db,
    sql`SELECT cohort_id, date FROM cohort_sessions
         WHERE state = 'planned' AND cohort_id IN (SELECT value FROM json_each(${ids}))`,
  );
  for (const row of rows) dates.get(row.cohort_id)!.push(row.date);
  const weeks = new Map<string, TeachingWeek[]>();
  for (const c of cohorts) {
    const period = { startDate: c.cohort_start, endDate: cohortEndDate(c.cohort_start, c.length_weeks) };
    weeks.set(c.cohort_id, teachingWeeks(period, dates.get(c.cohort_id)!));
  }
  return weeks;
}

/**
 * One participant's stages with due dates and statuses on `today`, given the days their recorded stages were
 * made on; undefined when they have never been enrolled (no stage can be dated).
 */
export function readStagesDue(
  db: Db,
  participantId: string,
  recorded: Partial<Readonly<Record<AssessmentStage, string>>>,
  today: string,
): StageDue[] | undefined {
  const found = readDueBases(db, [participantId]).get(participantId);
  return found && stagesDue({ basis: found.basis, recorded, closed: found.closed, today });
}
