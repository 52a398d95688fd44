import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  clockOf,
  dayOf,
  daysBetween,
  isIsoDay,
  isIsoWeekday,
  isoWeekday,
  isoWeekOf,
  localMoment,
  mondayOf,
} from './days';

describe('ISO date helpers', () => {
  it('count days, weekdays and Mondays across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2027-01-04', 70)).toBe('2027-03-15');
    expect(daysBetween('2027-01-04', '2027-03-15')).toBe(70);
    expect(daysBetween('2027-03-15', '2027-01-04')).toBe(-70);
    expect(isoWeekday('2027-01-04')).toBe(1);
    expect(isoWeekday('2026-12-27')).toBe(7);
    expect(mondayOf('2026-12-27')).toBe('2026-12-21');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2027-01-04')).toBe('2027-01-04');
  });

  it('agree with the UTC calendar on every day 1900-2200', () => {
    const epoch = Date.UTC(1900, 0, 1);
    let date = '1900-01-01';
    for (let n = 0; date <= '2200-12-31'; n++, date = addDays(date, 1)) {
      const utc = new Date(epoch + n * 86_400_000);
      if (date !== utc.toISOString().slice(0, 10) || isoWeekday(date) !== (utc.getUTCDay() || 7)) {
        throw new Error(`Calendar disagrees with UTC on day ${n} (${date})`);
      }
    }
    expect(daysBetween('1900-01-01', '2201-01-01')).toBe((Date.UTC(2201, 0, 1) - epoch) / 86_400_000);
  });

  it('give ISO week numbers, with week 1 holding the year’s first Thursday', () => {
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2025-06-20')).toEqual({ year: 2025, week: 25 });
    expect(isoWeekOf('2025-12-28')).toEqual({ year: 2025, week: 52 });
  });

  it('refuse dates that are not ISO calendar dates and fractional day counts', () => {
    for (const bad of ['2025-13-01', '2025-04-31', '2025-00-10', '25-01-01', '2025-01-01T00:00', '', '0000-01-01']) {
      expect(() => isoWeekday(bad), bad).toThrow(RangeError);
    }
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('adding calendar months', () => {
  it('keeps the day, or the last day of a shorter month, across year ends and leap days', () => {
    expect(addMonths('2027-01-31', 3)).toBe('2027-04-30');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2100-08-31', 6)).toBe('2101-02-28');
    expect(addMonths('2027-10-15', 3)).toBe('2028-01-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2027-05-09', 0)).toBe('2027-05-09');
  });

  it('refuses fractional months and days that are not calendar days', () => {
    expect(() => addMonths('2027-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2027-02-30', 1)).toThrow(RangeError);
  });
});

describe('the week arithmetic across a year end', () => {
  it('puts the last days of December and the first of January in the right ISO week and Monday', () => {
    const days = ['2026-12-27', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03', '2027-01-04'];
    expect(days.map((day) => `${isoWeekOf(day).year}-W${isoWeekOf(day).week} ${mondayOf(day)}`)).toEqual([
      '2026-W52 2026-12-21',
      '2026-W53 2026-12-28',
      '2026-W53 2026-12-28',
      '2026-W53 2026-12-28',
      '2026-W53 2026-12-28',
      '2027-W1 2027-01-04',
    ]);
    expect(addDays(mondayOf('2026-12-31'), 7)).toBe('2027-01-04');
    expect(daysBetween(mondayOf('2026-12-31'), mondayOf('2027-01-04'))).toBe(7);
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('knows which numbers are weekdays and which strings are calendar days', () => {
    expect([0, 1, 7, 8, 1.5].map(isIsoWeekday)).toEqual([false, true, true, false, false]);
    expect(['2028-02-29', '2027-02-29', '2027-1-01', 'today'].map(isIsoDay)).toEqual([true, false, false, false]);
  });
});

describe('today on the workstation’s calendar in Helsinki', () => {
  // Each moment with its Helsinki offset: +02:00 in winter, +03:00 in summer (clocks change on the last Sundays of
  // March and October). The UTC day of each 00:30 is the day before, which is why today is never taken from UTC.
  const cases: [string, string][] = [
    ['2027-03-27T23:30:00+02:00', '2027-03-27'],
    ['2027-03-28T00:30:00+02:00', '2027-03-28'],
    ['2027-03-28T23:30:00+03:00', '2027-03-28'],
    ['2027-03-29T00:30:00+03:00', '2027-03-29'],
    ['2027-10-30T23:30:00+03:00', '2027-10-30'],
    ['2027-10-31T00:30:00+03:00', '2027-10-31'],
    ['2027-10-31T23:30:00+02:00', '2027-10-31'],
    ['2027-11-01T00:30:00+02:00', '2027-11-01'],
    ['2026-12-31T23:30:00+02:00', '2026-12-31'],
    ['2027-01-01T00:30:00+02:00', '2027-01-01'],
  ];

  it('is the day the Helsinki clock shows at 23:30 and at 00:30, across both clock changes', () => {
    for (const [moment, day] of cases) expect(dayOf(new Date(moment), 'Europe/Helsinki'), moment).toBe(day);
  });

  it('is not the UTC day just after midnight', () => {
    const justAfterMidnight = new Date('2027-01-01T00:30:00+02:00');
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(dayOf(justAfterMidnight, 'Europe/Helsinki')).toBe('2027-01-01');
  });

  describe('on a workstation set to Helsinki time', () => {
    beforeAll(() => {
      vi.stubEnv('TZ', 'Europe/Helsinki');
    });
    afterAll(() => {
      vi.unstubAllEnvs();
    });

    it('is read from the workstation’s own time zone when none is named', () => {
      expect(new Date('2027-03-29T00:30:00+03:00').getTimezoneOffset()).toBe(-180);
      for (const [moment, day] of cases) expect(dayOf(new Date(moment)), moment).toBe(day);
    });

    it('writes a day as the moment its clock shows noon, or the given time', () => {
      expect(localMoment('2027-03-28').toISOString()).toBe('2027-03-28T09:00:00.000Z');
      expect(localMoment('2027-01-04', '09:15').toISOString()).toBe('2027-01-04T07:15:00.000Z');
      expect(() => localMoment('2027-02-30')).toThrow(RangeError);
    });

    it('steps one calendar day at a time over the spring and autumn clock changes in Helsinki', () => {
      expect(new Date(2027, 2, 28, 12).getTimezoneOffset()).toBe(-180);
      expect(new Date(2027, 2, 27, 12).getTimezoneOffset()).toBe(-120);
      expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
      expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
      expect(addDays('2027-10-30', 1)).toBe('2027-10-31');
      expect(addDays('2027-10-31', 1)).toBe('2027-11-01');
      expect(addDays('2027-11-01', -2)).toBe('2027-10-30');
      expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
      expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
      expect(daysBetween('2027-03-01', '2027-11-01')).toBe(245);
      expect(isoWeekday('2027-03-28')).toBe(7);
      expect(isoWeekday('2027-10-31')).toBe(7);
      expect(mondayOf('2027-03-28')).toBe('2027-03-22');
      expect(mondayOf('2027-11-01')).toBe('2027-11-01');
    });
  });
});

describe('clockOf', () => {
  it('gives the time of day the workstation shows, as session times are kept', () => {
    expect(clockOf(new Date(2026, 11, 4, 9, 5))).toBe('09:05');
    expect(clockOf(new Date(2026, 11, 4, 23, 59, 59))).toBe('23:59');
  });
});
