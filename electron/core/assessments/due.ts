/**
 * When each assessment stage is due for a participant, and where it stands today. Pure: the reader in
 * ./due-reader.ts gathers the inputs from the vault. docs/assessments.md, "Due dates and change from intake to
 * exit", is the rule book in words; the decisions below are the ones taken where the programme's rules are silent.
 *
 * - In a group, the stages follow the cohort's **teaching weeks**: the programme weeks (Monday to Sunday, counted
 *   from the start's week, as `programmeWeekOf` counts them) that have at least one planned session. A week whose
 *   sessions are all cancelled or fall on days off (a Christmas break) is no teaching week, so "week 5" is the
 *   fifth week the group meets, not the fifth calendar week; a week of sessions added after the period moves the
 *   exit with it. A cohort without any session (made before the calendar existed) counts every programme week.
 *   Intake: the last day of the first teaching week (of the participant's own first week for a late joiner);
 *   mid-point: of teaching week ⌈T/2⌉ (week 5 of 10); exit: of the last teaching week (week 10 of 10). The last
 *   day of a week is `weekLastDay`: Friday, or Sunday when the group meets on the weekend.
 * - In individual guidance, the participant's own enrolment start begins a ten-week programme of their own:
 *   intake by the end of its second week (no first group session anchors it), mid-point by the end of week 5,
 *   exit by the end of week 10 (start + 13, + 34, + 69 days).
 * - Follow-ups: 3 and 6 calendar months after the exit **as recorded** when there is one, else after the exit's due
 *   date; until the exit is recorded their dates are provisional and they stay `upcoming` (a follow-up cannot come
 *   before the exit; an exit not made is itself overdue).
 */
import { ASSESSMENT_STAGES, type AssessmentStage, type StageStatus } from '@shared/assessments';
import { addDays, addMonths, daysBetween, mondayOf } from '@shared/days';
import { mondayOfProgrammeWeek, programmeWeekCount, weekLastDay, type ProgrammePeriod } from '@shared/programme-calendar';

/** A stage is `due` from this many days before its due date up to the due date itself. */
export const DUE_WINDOW_DAYS = 7;
/** Months from the exit to each follow-up. */
export const FOLLOW_UP_MONTHS = { followUp3: 3, followUp6: 6 } as const;
/** Individual guidance: the week of the participant's own programme each stage is due at the end of. */
export const INDIVIDUAL_WEEKS = { intake: 2, midpoint: 5, exit: 10 } as const;

/** A week the group meets in: its Monday and the days of its planned sessions (for `weekLastDay`). */
export interface TeachingWeek {
  monday: string;
  sessionDates: string[];
}

/** How an enrolment ended, when it has: its last day and outcome. */
export interface Departure {
  date: string;
  outcome: 'completed' | 'discontinued';
}

/** What a participant's due dates are computed from. */
export type DueBasis =
  | {
      kind: 'cohort';
      /** The cohort's teaching weeks (`teachingWeeks`), computed once a cohort. */
      weeks: readonly TeachingWeek[];
      /** The participant's enrolment start. */
      joined: string;
      left: Departure | null;
    }
  | { kind: 'individual'; start: string; left: Departure | null };

export interface DueInput {
  basis: DueBasis;
  /** The day each stage was recorded on (the assessment's date), for the stages recorded. */
  recorded: Partial<Readonly<Record<AssessmentStage, string>>>;
  /** The participant's file is closed: nothing more is asked of them. */
  closed?: boolean;
  today: string;
}

export interface StageDue {
  stage: AssessmentStage;
  /** The last day to make it; null where the stage does not apply and no date can be named. */
  dueDate: string | null;
  status: StageStatus;
  recordedOn: string | null;
  /** A follow-up's date counted from the exit's due date because the exit is not recorded yet. */
  provisional: boolean;
}

/**
 * A cohort's teaching weeks: the programme weeks from the start's week on that hold a planned (not cancelled)
 * session, in order. `sessionDates` are the planned sessions' days in any order; with none, every programme week of
 * the period counts. Linear in the sessions (plus a sort of the weeks).
 */
export function teachingWeeks(period: ProgrammePeriod, sessionDates: readonly string[]): TeachingWeek[] {
  const first = mondayOf(period.startDate);
  const byMonday = new Map<string, string[]>();
  for (const day of sessionDates) {
    const monday = mondayOf(day);
    if (monday < first) continue;
    const days = byMonday.get(monday);
    if (days) days.push(day);
    else byMonday.set(monday, [day]);
  }
  if (byMonday.size === 0) {
    return Array.from({ length: programmeWeekCount(period) }, (_, i) => ({
      monday: mondayOfProgrammeWeek(period, i + 1),
      sessionDates: [],
    }));
  }
  return [...byMonday.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([monday, days]) => ({ monday, sessionDates: days.sort() }));
}

const lastDayOf = (week: TeachingWeek): string => weekLastDay(week.monday, week.sessionDates);

/** The due dates of intake, mid-point and exit, before departures and recordings; null: does not apply. */
function programmeDueDates(basis: DueBasis): { intake: string; midpoint: string | null; exit: string } {
  if (basis.kind === 'individual') {
    const endOfWeek = (n: number) => addDays(basis.start, 7 * n - 1);
    return {
      intake: endOfWeek(INDIVIDUAL_WEEKS.intake),
      midpoint: endOfWeek(INDIVIDUAL_WEEKS.midpoint),
      exit: endOfWeek(INDIVIDUAL_WEEKS.exit),
    };
  }
  const { weeks, joined } = basis;
  if (weeks.length === 0) throw new RangeError('A cohort has at least one programme week');
  const joinedMonday = mondayOf(joined);
  let joinedAt = weeks.findIndex((w) => w.monday >= joinedMonday);
  if (joinedAt < 0) joinedAt = weeks.length - 1;
  const middle = Math.ceil(weeks.length / 2) - 1;
  return {
    intake: lastDayOf(weeks[joinedAt]!),
    // A participant who joins in or after the mid-point week has their intake then: no separate mid-point.
    midpoint: middle > joinedAt ? lastDayOf(weeks[middle]!) : null,
    exit: lastDayOf(weeks.at(-1)!),
  };
}

/** Where a stage with a due date stands today when it is not recorded. */
export function openStatus(dueDate: string, today: string): 'due' | 'overdue' | 'upcoming' {
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_WINDOW_DAYS ? 'due' : 'upcoming';
}

/**
 * Every stage of a participant with its due date and status, in ASSESSMENT_STAGES order.
 *
 * - `done`: recorded (whatever the dates say).
 * - `notApplicable`: the file is closed; or the enrolment ended as discontinued before the stage's due date (a
 *   participant who left is not chased for it; follow-ups follow only an exit actually made); or a late joiner's
 *   mid-point, which their intake takes the place of.
 * - An enrolment completed before the exit's due date (the participant found work) has the exit due on its last day.
 * - Otherwise `overdue` past the due date, `due` within DUE_WINDOW_DAYS before it, else `upcoming`; a follow-up
 *   whose exit is not recorded is `upcoming` with a provisional date.
 */
export function stagesDue(input: DueInput): StageDue[] {
  const { basis, recorded, today } = input;
  const planned = programmeDueDates(basis);
  const left = basis.left;
  let exitDue = planned.exit;
  if (left?.outcome === 'completed' && left.date < exitDue) exitDue = left.date;
  const exitRecorded = recorded.exit ?? null;
  const followUpBase = exitRecorded ?? exitDue;

  const dueDates: Record<AssessmentStage, string | null> = {
    intake: planned.intake,
    midpoint: planned.midpoint,
    exit: exitDue,
    followUp3: addMonths(followUpBase, FOLLOW_UP_MONTHS.followUp3),
    followUp6: addMonths(followUpBase, FOLLOW_UP_MONTHS.followUp6),
  };

  return ASSESSMENT_STAGES.map((stage): StageDue => {
    const dueDate = dueDates[stage];
    const recordedOn = recorded[stage] ?? null;
    const isFollowUp = stage === 'followUp3' || stage === 'followUp6';
    const provisional = isFollowUp && exitRecorded === null;
    const base = { stage, dueDate, recordedOn, provisional };
    if (recordedOn !== null) return { ...base, status: 'done' };
    if (dueDate === null || input.closed) return { ...base, status: 'notApplicable' };
    if (left?.outcome === 'discontinued') {
      const after = isFollowUp ? exitRecorded === null : dueDate > left.date;
      if (after) return { ...base, status: 'notApplicable' };
    }
    if (provisional) return { ...base, status: 'upcoming' };
    return { ...base, status: openStatus(dueDate, today) };
  });
}
