import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/days';
import { generateSchedule, type ScheduleInput } from '@shared/programme-calendar';
import { ASSESSMENT_STAGES, type AssessmentStage } from '@shared/assessments';
import { openStatus, stagesDue, teachingWeeks, type Departure, type DueInput, type TeachingWeek } from './due';

/** A cohort's teaching weeks as the vault would give them: its generated sessions, all planned. */
function cohortWeeks(input: Omit<ScheduleInput, 'startTime' | 'endTime'>, cancelled: readonly string[] = []) {
  const { planned } = generateSchedule({ ...input, startTime: '09:00', endTime: '12:00' });
  const period = { startDate: input.startDate, endDate: addDays(input.startDate, input.lengthWeeks * 7 - 1) };
  return teachingWeeks(
    period,
    planned.map((s) => s.date).filter((d) => !cancelled.includes(d)),
  );
}

const dueDates = (input: DueInput) => Object.fromEntries(stagesDue(input).map((s) => [s.stage, s.dueDate]));
const statuses = (input: DueInput) => Object.fromEntries(stagesDue(input).map((s) => [s.stage, s.status]));

function inCohort(
  weeks: readonly TeachingWeek[],
  joined: string,
  today: string,
  recorded: Partial<Record<AssessmentStage, string>> = {},
  left: Departure | null = null,
): DueInput {
  return { basis: { kind: 'cohort', weeks, joined, left }, recorded, today };
}

// Monday 11 January 2027, ten weeks, Monday to Thursday: the period is 11.1.–21.3.2027 and no day off falls in it
// (Epiphany 6.1. is before; Good Friday 26.3. after). Week 1 is 11.–15.1., week 5 8.–12.2., week 10 15.–19.3.
const MONDAY_COHORT = cohortWeeks({ startDate: '2027-01-11', lengthWeeks: 10, weekdays: [1, 2, 3, 4] });

describe('due dates in a group', () => {
  it('are the Fridays of weeks 1, 5 and 10 for a cohort starting on a Monday, follow-ups 3 and 6 months after', () => {
    expect(MONDAY_COHORT).toHaveLength(10);
    expect(dueDates(inCohort(MONDAY_COHORT, '2027-01-11', '2027-01-04'))).toEqual({
      intake: '2027-01-15',
      midpoint: '2027-02-12',
      exit: '2027-03-19',
      // From the exit's due date while no exit is recorded: 19.3. + 3 months, + 6 months.
      followUp3: '2027-06-19',
      followUp6: '2027-09-19',
    });
  });

  it('skip a Christmas break week: the mid-point and the exit move a week later', () => {
    // A Thursday-and-Friday group from Monday 30.11.2026 for eleven weeks (to 14.2.2027). Christmas Eve (Thu 24.12.)
    // and Christmas Day (Fri 25.12.) are days off, so the week of 21.12. has no session: a break week. New Year's
    // Day (Fri 1.1.) is off too, but Thursday 31.12. is held, so that week counts.
    // Teaching weeks (Mondays): 30.11., 7.12., 14.12., [21.12. break], 28.12., 4.1., 11.1., 18.1., 25.1., 1.2., 8.2.
    const weeks = cohortWeeks({ startDate: '2026-11-30', lengthWeeks: 11, weekdays: [4, 5] });
    expect(weeks.map((w) => w.monday)).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
      '2027-02-01',
      '2027-02-08',
    ]);
    expect(dueDates(inCohort(weeks, '2026-11-30', '2026-11-30'))).toMatchObject({
      intake: '2026-12-04',
      // The fifth teaching week is 4.–8.1.2027; the fifth calendar week (28.12.–1.1.) would have said 1.1.
      midpoint: '2027-01-08',
      // The tenth teaching week is 8.–12.2.2027, the eleventh calendar week.
      exit: '2027-02-12',
    });
  });

  it('treat a week whose sessions were all cancelled as a break too', () => {
    // Monday to Thursday from 30.11.2026, eleven weeks; staff cancel Mon-Wed 21.-23.12. (Thursday 24.12. is a day off).
    const weeks = cohortWeeks({ startDate: '2026-11-30', lengthWeeks: 11, weekdays: [1, 2, 3, 4] }, [
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
    ]);
    expect(weeks).toHaveLength(10);
    expect(weeks.map((w) => w.monday)).not.toContain('2026-12-21');
    // Fifth teaching week 4.-8.1.2027 (Epiphany Wednesday 6.1. is off, the week is still held); tenth 8.-12.2.
    expect(dueDates(inCohort(weeks, '2026-11-30', '2026-11-30'))).toMatchObject({
      intake: '2026-12-04',
      midpoint: '2027-01-08',
      exit: '2027-02-12',
    });
  });

  it('fall on the Sunday for a group that meets at weekends', () => {
    // Saturdays and Sundays from Saturday 9.1.2027 for ten weeks (to Friday 19.3.): programme week 1 is 4.-10.1.,
    // sessions on 9. and 10.1.; week 5 is 1.-7.2.; week 10 is 8.-14.3. (the period's last Saturday is 13.3.).
    const weeks = cohortWeeks({ startDate: '2027-01-09', lengthWeeks: 10, weekdays: [6, 7] });
    expect(weeks).toHaveLength(10);
    expect(dueDates(inCohort(weeks, '2027-01-09', '2027-01-01'))).toMatchObject({
      intake: '2027-01-10',
      midpoint: '2027-02-07',
      exit: '2027-03-14',
    });
  });

  it('count every programme week of a cohort that has no sessions (made before the calendar existed)', () => {
    const weeks = teachingWeeks({ startDate: '2027-01-13', endDate: '2027-03-23' }, []);
    // Wednesday 13.1.2027 to Tuesday 23.3.: eleven calendar weeks from the Monday 11.1. to the Monday 22.3.
    expect(weeks).toHaveLength(11);
    expect(dueDates(inCohort(weeks, '2027-01-13', '2027-01-13'))).toMatchObject({
      intake: '2027-01-15',
      // Week ⌈11 / 2⌉ = 6: 15.-19.2.; the last, week 11: 22.-26.3.
      midpoint: '2027-02-19',
      exit: '2027-03-26',
    });
  });

  it('give a late joiner their intake in the week they join, and no mid-point once the middle is behind them', () => {
    // Joined Wednesday 3.2.2027, week 4 of the Monday cohort: intake Friday 5.2., mid-point still week 5.
    expect(dueDates(inCohort(MONDAY_COHORT, '2027-02-03', '2027-02-03'))).toMatchObject({
      intake: '2027-02-05',
      midpoint: '2027-02-12',
      exit: '2027-03-19',
    });
    // Joined Wednesday 17.2., week 6: intake Friday 19.2.; the mid-point (week 5) does not apply.
    const late = stagesDue(inCohort(MONDAY_COHORT, '2027-02-17', '2027-02-17'));
    expect(late.find((s) => s.stage === 'intake')).toMatchObject({ dueDate: '2027-02-19', status: 'due' });
    expect(late.find((s) => s.stage === 'midpoint')).toMatchObject({ dueDate: null, status: 'notApplicable' });
  });
});

describe('due dates in individual guidance', () => {
  it('count from the participant’s own start: the ends of their weeks 2, 5 and 10', () => {
    // Start Monday 1.3.2027: intake by Sunday 14.3. (+13), mid-point by Sunday 4.4. (+34), exit by Sunday 9.5. (+69).
    const input: DueInput = {
      basis: { kind: 'individual', start: '2027-03-01', left: null },
      recorded: {},
      today: '2027-03-01',
    };
    expect(dueDates(input)).toEqual({
      intake: '2027-03-14',
      midpoint: '2027-04-04',
      exit: '2027-05-09',
      followUp3: '2027-08-09',
      followUp6: '2027-11-09',
    });
  });
});

describe('follow-ups', () => {
  const individual = (recorded: Partial<Record<AssessmentStage, string>>, today: string): DueInput => ({
    basis: { kind: 'individual', start: '2026-11-23', left: null },
    recorded,
    today,
  });

  it('count from the exit as recorded, kept inside the month: 31 January + 3 months is 30 April', () => {
    const stages = stagesDue(individual({ intake: '2026-11-25', midpoint: '2026-12-28', exit: '2027-01-31' }, '2027-02-01'));
    expect(stages.find((s) => s.stage === 'followUp3')).toMatchObject({
      dueDate: '2027-04-30',
      provisional: false,
      status: 'upcoming',
    });
    expect(stages.find((s) => s.stage === 'followUp6')).toMatchObject({ dueDate: '2027-07-31', provisional: false });
  });

  it('land on 29 February in a leap year', () => {
    // Exit recorded Tuesday 30.11.2027: + 3 months is 29.2.2028 (2028 is a leap year), + 6 months 30.5.2028.
    const stages = stagesDue(individual({ intake: '2026-11-25', exit: '2027-11-30' }, '2028-02-22'));
    expect(stages.find((s) => s.stage === 'followUp3')).toMatchObject({ dueDate: '2028-02-29', status: 'due' });
    expect(stages.find((s) => s.stage === 'followUp6')).toMatchObject({ dueDate: '2028-05-30', status: 'upcoming' });
  });

  it('are provisional and never due while the exit is not recorded; the exit itself is overdue', () => {
    // Start 23.11.2026: exit due Sunday 31.1.2027 (+69), follow-ups provisionally 30.4. and 31.7.2027.
    const stages = stagesDue(individual({ intake: '2026-11-25', midpoint: '2026-12-28' }, '2027-09-01'));
    expect(stages.map((s) => [s.stage, s.dueDate, s.status, s.provisional])).toEqual([
      ['intake', '2026-12-06', 'done', false],
      ['midpoint', '2026-12-27', 'done', false],
      ['exit', '2027-01-31', 'overdue', false],
      ['followUp3', '2027-04-30', 'upcoming', true],
      ['followUp6', '2027-07-31', 'upcoming', true],
    ]);
  });
});

describe('the status of a stage', () => {
  it('is due from seven days before its due date to the day itself, overdue after, upcoming before', () => {
    expect(openStatus('2027-02-12', '2027-02-04')).toBe('upcoming');
    expect(openStatus('2027-02-12', '2027-02-05')).toBe('due');
    expect(openStatus('2027-02-12', '2027-02-12')).toBe('due');
    expect(openStatus('2027-02-12', '2027-02-13')).toBe('overdue');
  });

  it('is done once recorded, whenever that was', () => {
    // Intake recorded the week before the group starts (allowed: "before or in week 1").
    const stages = statuses(inCohort(MONDAY_COHORT, '2027-01-11', '2027-02-15', { intake: '2027-01-07' }));
    expect(stages).toEqual({
      intake: 'done',
      midpoint: 'overdue',
      exit: 'upcoming',
      followUp3: 'upcoming',
      followUp6: 'upcoming',
    });
  });

  it('is not applicable after a participant left: nothing due after the day they left, no follow-ups without an exit', () => {
    // Discontinued on 5.2.2027 (week 4): the mid-point (12.2.) and the exit (19.3.) are not asked for.
    const left: Departure = { date: '2027-02-05', outcome: 'discontinued' };
    expect(statuses(inCohort(MONDAY_COHORT, '2027-01-11', '2027-04-01', { intake: '2027-01-12' }, left))).toEqual({
      intake: 'done',
      midpoint: 'notApplicable',
      exit: 'notApplicable',
      followUp3: 'notApplicable',
      followUp6: 'notApplicable',
    });
    // An intake they never had, due before they left, is still overdue: the file shows the gap.
    expect(statuses(inCohort(MONDAY_COHORT, '2027-01-11', '2027-04-01', {}, left)).intake).toBe('overdue');
    // An exit made as they left brings the follow-ups back: 5.2. + 3 months = 5.5.
    const withExit = stagesDue(
      inCohort(MONDAY_COHORT, '2027-01-11', '2027-04-30', { intake: '2027-01-12', exit: '2027-02-05' }, left),
    );
    expect(withExit.find((s) => s.stage === 'followUp3')).toMatchObject({ dueDate: '2027-05-05', status: 'due' });
  });

  it('asks for the exit on the last day of an enrolment completed early', () => {
    // Completed on Wednesday 24.2.2027 (found work) instead of the exit week ending 19.3.
    const left: Departure = { date: '2027-02-24', outcome: 'completed' };
    const stages = stagesDue(inCohort(MONDAY_COHORT, '2027-01-11', '2027-02-20', { intake: '2027-01-12' }, left));
    expect(stages.find((s) => s.stage === 'exit')).toMatchObject({ dueDate: '2027-02-24', status: 'due' });
    expect(stages.find((s) => s.stage === 'followUp3')).toMatchObject({ dueDate: '2027-05-24', provisional: true });
  });

  it('is not applicable for anything unrecorded once the file is closed', () => {
    const input = { ...inCohort(MONDAY_COHORT, '2027-01-11', '2027-06-01', { intake: '2027-01-12' }), closed: true };
    expect(stagesDue(input).map((s) => s.status)).toEqual(['done', ...Array(4).fill('notApplicable')]);
  });

  it('lists every stage in order, each once', () => {
    expect(stagesDue(inCohort(MONDAY_COHORT, '2027-01-11', '2027-01-11')).map((s) => s.stage)).toEqual([...ASSESSMENT_STAGES]);
  });
});
