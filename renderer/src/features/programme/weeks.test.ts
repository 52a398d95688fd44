import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import type { Session } from '@shared/sessions';
import { today } from '@shared/days';
import { programmeWeekCount, programmeWeekOf } from '@shared/programme-calendar';
import { bundles } from '@shared/i18n/bundles';
import {
  calendarWeekLabel,
  dayHeading,
  groupByWeek,
  inSentence,
  openWeekOf,
  programmeWeekLabel,
  shownDays,
  weekDates,
  weekLastDay,
} from './weeks';

function session(id: string, date: string): Session {
  return {
    id,
    cohortId: 'c',
    date,
    startTime: '09:00',
    endTime: '12:00',
    place: null,
    topic: null,
    facilitatorId: null,
    facilitatorName: null,
    partnerId: null,
    partnerName: null,
    guest: null,
    notes: null,
    state: 'planned',
    cancelReason: null,
    extra: false,
    hasVisit: false,
  };
}

// 2027-01-14 is a Thursday: its week starts on Monday 11 January; ten weeks end on Wednesday 24 March.
const PERIOD = { startDate: '2027-01-14', endDate: '2027-03-24' };

async function translator(lng: 'fi' | 'sv' | 'en') {
  const instance = i18n.createInstance();
  await instance.init({ lng, resources: { [lng]: { translation: bundles[lng] } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the sessions of a cohort week by week', () => {
  it('number the weeks from the week the cohort starts in, Monday to Sunday, out of the weeks of its period', () => {
    const weeks = groupByWeek(
      [session('a', '2027-01-14'), session('b', '2027-01-17'), session('c', '2027-01-18'), session('d', '2027-03-22')],
      PERIOD,
    );
    expect(weeks.map((w) => [w.week.monday, w.week.number, w.week.total, w.sessions.map((s) => s.id)])).toEqual([
      ['2027-01-11', 1, 11, ['a', 'b']],
      ['2027-01-18', 2, 11, ['c']],
      ['2027-03-22', 11, 11, ['d']],
    ]);
  });

  it('count a cohort starting on a Monday as many weeks as it is long', () => {
    expect(programmeWeekCount({ startDate: '2026-11-02', endDate: '2027-01-10' })).toBe(10);
    expect(programmeWeekOf({ startDate: '2026-11-02', endDate: '2027-01-10' }, '2026-12-10')).toEqual({
      monday: '2026-12-07',
      number: 6,
      total: 10,
      inPeriod: true,
    });
  });

  it('keep a session moved before the start in a week of its own, outside the period', () => {
    const weeks = groupByWeek([session('early', '2027-01-08'), session('a', '2027-01-14')], PERIOD);
    expect(weeks.map((w) => [w.week.number, w.week.inPeriod])).toEqual([
      [0, false],
      [1, true],
    ]);
  });

  it('give no weeks for no sessions', () => {
    expect(groupByWeek([], PERIOD)).toEqual([]);
  });

  it('open the current week, else the first upcoming one, else the last', () => {
    const weeks = groupByWeek([session('a', '2027-01-14'), session('b', '2027-01-19'), session('c', '2027-02-02')], PERIOD);
    expect(openWeekOf(weeks, '2027-01-20')).toBe('2027-01-18');
    expect(openWeekOf(weeks, '2027-01-26')).toBe('2027-02-01');
    expect(openWeekOf(weeks, '2027-06-01')).toBe('2027-02-01');
    expect(openWeekOf(weeks, '2026-12-01')).toBe('2027-01-11');
    expect(openWeekOf([], '2027-01-20')).toBeUndefined();
  });
});

describe('a week’s name', () => {
  it('is the programme week out of the total in the period, in every language', async () => {
    const week = programmeWeekOf({ startDate: '2026-11-02', endDate: '2027-01-10' }, '2026-12-10');
    expect(programmeWeekLabel(await translator('fi'), week)).toBe('Viikko 6 / 10');
    expect(programmeWeekLabel(await translator('sv'), week)).toBe('Vecka 6 / 10');
    expect(programmeWeekLabel(await translator('en'), week)).toBe('Week 6 of 10');
    expect(inSentence(programmeWeekLabel(await translator('fi'), week))).toBe('viikko 6 / 10');
  });

  it('is the calendar week, labelled as such, outside the period and in the week view', async () => {
    const fi = await translator('fi');
    expect(programmeWeekLabel(fi, programmeWeekOf(PERIOD, '2027-01-08'))).toBe('Kalenteriviikko 1');
    expect(calendarWeekLabel(fi, '2026-12-07')).toBe('Kalenteriviikko 50');
  });
});

describe('the week view’s days', () => {
  it('are Monday to Friday, with Saturday or Sunday only when a session falls on them', () => {
    expect(shownDays('2027-03-22', new Set())).toEqual(['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26']);
    expect(shownDays('2027-03-22', new Set(['2027-03-28']))).toHaveLength(6);
    expect(shownDays('2027-03-22', new Set(['2027-03-27', '2027-03-28'])).at(-1)).toBe('2027-03-28');
  });

  it('end on Friday in a week’s dates, on Sunday only when a session falls on the weekend', () => {
    expect(weekLastDay('2027-02-01', ['2027-02-01', '2027-02-04'])).toBe('2027-02-05');
    expect(weekLastDay('2027-02-01', [])).toBe('2027-02-05');
    expect(weekLastDay('2027-02-01', ['2027-02-01', '2027-02-06'])).toBe('2027-02-07');
  });

  it('are written the locale’s way', () => {
    expect(weekDates('fi', '2027-03-22')).toBe('22.–28.3.2027');
    expect(weekDates('sv', '2026-12-28')).toBe('28 december 2026–3 januari 2027');
    expect(dayHeading('fi', '2027-03-22')).toBe('Maanantai 22.3.');
    expect(dayHeading('en', '2027-03-27')).toBe('Saturday 27 March');
  });

  it('takes today from the local clock', () => {
    expect(today(new Date(2027, 0, 4, 23, 59))).toBe('2027-01-04');
  });
});
