import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FINNISH_HOLIDAYS,
  finnishDaysOff,
  generateSchedule,
  isFinnishDayOff,
  timeRangesOverlap,
  type FinnishHoliday,
} from './programme-calendar';
import { addDays, isoWeekday } from './days';

const MON_THU = [1, 2, 3, 4] as const;
const HALF_DAY = { startTime: '09:00', endTime: '12:00' } as const;

/** Known Finnish days off (Finnish almanac, Yliopiston almanakkatoimisto), one row a year. */
const KNOWN: Record<number, Record<FinnishHoliday, string>> = {
  2019: {
    newYear: '2019-01-01',
    epiphany: '2019-01-06',
    goodFriday: '2019-04-19',
    easterSunday: '2019-04-21',
    easterMonday: '2019-04-22',
    mayDay: '2019-05-01',
    ascension: '2019-05-30',
    whitsun: '2019-06-09',
    midsummerEve: '2019-06-21',
    midsummerDay: '2019-06-22',
    allSaints: '2019-11-02',
    independenceDay: '2019-12-06',
    christmasEve: '2019-12-24',
    christmasDay: '2019-12-25',
    boxingDay: '2019-12-26',
  },
  2024: {
    newYear: '2024-01-01',
    epiphany: '2024-01-06',
    goodFriday: '2024-03-29',
    easterSunday: '2024-03-31',
    easterMonday: '2024-04-01',
    mayDay: '2024-05-01',
    ascension: '2024-05-09',
    whitsun: '2024-05-19',
    midsummerEve: '2024-06-21',
    midsummerDay: '2024-06-22',
    allSaints: '2024-11-02',
    independenceDay: '2024-12-06',
    christmasEve: '2024-12-24',
    christmasDay: '2024-12-25',
    boxingDay: '2024-12-26',
  },
  2025: {
    newYear: '2025-01-01',
    epiphany: '2025-01-06',
    goodFriday: '2025-04-18',
    easterSunday: '2025-04-20',
    easterMonday: '2025-04-21',
    mayDay: '2025-05-01',
    ascension: '2025-05-29',
    whitsun: '2025-06-08',
    midsummerEve: '2025-06-20',
    midsummerDay: '2025-06-21',
    allSaints: '2025-11-01',
    independenceDay: '2025-12-06',
    christmasEve: '2025-12-24',
    christmasDay: '2025-12-25',
    boxingDay: '2025-12-26',
  },
  2026: {
    newYear: '2026-01-01',
    epiphany: '2026-01-06',
    goodFriday: '2026-04-03',
    easterSunday: '2026-04-05',
    easterMonday: '2026-04-06',
    mayDay: '2026-05-01',
    ascension: '2026-05-14',
    whitsun: '2026-05-24',
    midsummerEve: '2026-06-19',
    midsummerDay: '2026-06-20',
    allSaints: '2026-10-31',
    independenceDay: '2026-12-06',
    christmasEve: '2026-12-24',
    christmasDay: '2026-12-25',
    boxingDay: '2026-12-26',
  },
  2027: {
    newYear: '2027-01-01',
    epiphany: '2027-01-06',
    goodFriday: '2027-03-26',
    easterSunday: '2027-03-28',
    easterMonday: '2027-03-29',
    mayDay: '2027-05-01',
    ascension: '2027-05-06',
    whitsun: '2027-05-16',
    midsummerEve: '2027-06-25',
    midsummerDay: '2027-06-26',
    allSaints: '2027-11-06',
    independenceDay: '2027-12-06',
    christmasEve: '2027-12-24',
    christmasDay: '2027-12-25',
    boxingDay: '2027-12-26',
  },
  2038: {
    newYear: '2038-01-01',
    epiphany: '2038-01-06',
    goodFriday: '2038-04-23',
    easterSunday: '2038-04-25',
    easterMonday: '2038-04-26',
    mayDay: '2038-05-01',
    ascension: '2038-06-03',
    whitsun: '2038-06-13',
    midsummerEve: '2038-06-25',
    midsummerDay: '2038-06-26',
    allSaints: '2038-11-06',
    independenceDay: '2038-12-06',
    christmasEve: '2038-12-24',
    christmasDay: '2038-12-25',
    boxingDay: '2038-12-26',
  },
};

/** Easter by Gauss's algorithm, an independent check of the Meeus/Jones/Butcher one in the module. */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const m = (15 - p + k - q) % 30;
  const n = (4 + k - q) % 7;
  const d = (19 * a + m) % 30;
  const e = (2 * b + 4 * c + 6 * d + n) % 7;
  let month = 3;
  let day = 22 + d + e;
  if (day > 31) {
    month = 4;
    day = d + e - 9;
  }
  if (month === 4 && d === 29 && e === 6) day = 19;
  if (month === 4 && d === 28 && e === 6 && (11 * m + 11) % 30 < 19) day = 18;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Weekday and date arithmetic through the platform's UTC calendar, to check the module's own arithmetic. */
function utcWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

const dates = (list: readonly { date: string }[]) => list.map((d) => d.date);

describe('Finnish days off', () => {
  it.each(Object.keys(KNOWN).map(Number))('are the almanac dates in %i', (year) => {
    const expected = Object.entries(KNOWN[year]!)
      .map(([name, date]) => ({ date, name }))
      .sort((x, y) => x.date.localeCompare(y.date));
    expect(finnishDaysOff(year)).toEqual(expected);
  });

  it('are listed once each, every code of FINNISH_HOLIDAYS', () => {
    expect(FINNISH_HOLIDAYS).toHaveLength(15);
    expect(new Set(finnishDaysOff(2026).map((d) => d.name))).toEqual(new Set(FINNISH_HOLIDAYS));
  });

  it('follow the rules in every year 1900-2200', () => {
    for (let year = 1900; year <= 2200; year++) {
      const days = finnishDaysOff(year);
      const on = (name: FinnishHoliday) => days.find((d) => d.name === name)!.date;
      expect(days.map((d) => d.name).sort()).toEqual([...FINNISH_HOLIDAYS].sort());
      expect(days.every((d) => d.date.startsWith(`${year}-`))).toBe(true);
      expect(dates(days)).toEqual([...dates(days)].sort());

      const easter = on('easterSunday');
      expect(easter).toBe(gaussEaster(year));
      expect(utcWeekday(easter)).toBe(7);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      expect(on('goodFriday')).toBe(addDays(easter, -2));
      expect(on('easterMonday')).toBe(addDays(easter, 1));
      expect(on('ascension')).toBe(addDays(easter, 39));
      expect(utcWeekday(on('ascension'))).toBe(4);
      expect(on('whitsun')).toBe(addDays(easter, 49));

      const midsummerEve = on('midsummerEve');
      expect(utcWeekday(midsummerEve)).toBe(5);
      expect(midsummerEve >= `${year}-06-19` && midsummerEve <= `${year}-06-25`).toBe(true);
      expect(on('midsummerDay')).toBe(addDays(midsummerEve, 1));
      const allSaints = on('allSaints');
      expect(utcWeekday(allSaints)).toBe(6);
      expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);

      // Ascension Day falls on May Day when Easter is on 23 March (1913, 2008, 2160); otherwise all 15 dates differ.
      const distinct = new Set(dates(days)).size;
      expect(distinct).toBe(easter === `${year}-03-23` ? 14 : 15);
    }
  });

  it('can put Ascension Day on May Day, listing both and naming May Day for the date', () => {
    const may = finnishDaysOff(2008).filter((d) => d.date === '2008-05-01');
    expect(may).toEqual([
      { date: '2008-05-01', name: 'mayDay' },
      { date: '2008-05-01', name: 'ascension' },
    ]);
    expect(isFinnishDayOff('2008-05-01')).toBe('mayDay');
  });

  it('name the day off of a date and nothing for an ordinary day', () => {
    expect(isFinnishDayOff('2026-05-14')).toBe('ascension');
    expect(isFinnishDayOff('2026-06-19')).toBe('midsummerEve');
    expect(isFinnishDayOff('2026-12-24')).toBe('christmasEve');
    expect(isFinnishDayOff('2027-01-06')).toBe('epiphany');
    expect(isFinnishDayOff('2026-05-13')).toBeNull();
    expect(isFinnishDayOff('2026-11-01')).toBeNull();
    let count = 0;
    for (let date = '2025-01-01'; date < '2026-01-01'; date = addDays(date, 1)) if (isFinnishDayOff(date)) count++;
    expect(count).toBe(15);
  });

  it('are refused for years the calendar does not cover and for malformed dates', () => {
    expect(() => finnishDaysOff(1899)).toThrow(RangeError);
    expect(() => finnishDaysOff(2201)).toThrow(RangeError);
    expect(() => finnishDaysOff(2025.5)).toThrow(RangeError);
    expect(() => isFinnishDayOff('1899-12-31')).toThrow(RangeError);
    expect(() => isFinnishDayOff('2025-02-29')).toThrow(RangeError);
    expect(() => isFinnishDayOff('2025-5-1')).toThrow(RangeError);
  });
});

describe('UTC-only date arithmetic around daylight-saving changes', () => {
  beforeAll(() => {
    vi.stubEnv('TZ', 'Europe/Helsinki');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('keeps Sunday and Monday sessions on their own days across both changes', () => {
    const spring = generateSchedule({ startDate: '2027-03-21', lengthWeeks: 3, weekdays: [1, 7], ...HALF_DAY });
    expect(dates(spring.planned)).toEqual(['2027-03-21', '2027-03-22', '2027-04-04', '2027-04-05']);
    expect(spring.skipped).toEqual([
      { date: '2027-03-28', holiday: 'easterSunday' },
      { date: '2027-03-29', holiday: 'easterMonday' },
    ]);
    const autumn = generateSchedule({ startDate: '2027-10-25', lengthWeeks: 2, weekdays: [1, 7], ...HALF_DAY });
    expect(dates(autumn.planned)).toEqual(['2027-10-25', '2027-10-31', '2027-11-01', '2027-11-07']);
    expect(autumn.skipped).toEqual([]);
  });
});

describe('cohort schedule', () => {
  it('runs Monday to Thursday for ten weeks, leaving out Epiphany', () => {
    const { planned, skipped } = generateSchedule({ startDate: '2027-01-04', lengthWeeks: 10, weekdays: MON_THU, ...HALF_DAY });
    expect(skipped).toEqual([{ date: '2027-01-06', holiday: 'epiphany' }]);
    expect(planned).toHaveLength(40 - skipped.length);
    expect(planned[0]).toEqual({ date: '2027-01-04', startTime: '09:00', endTime: '12:00' });
    expect(planned.at(-1)!.date).toBe('2027-03-11');
    expect(planned.every((s) => MON_THU.includes(isoWeekday(s.date) as 1 | 2 | 3 | 4))).toBe(true);
    expect(dates(planned)).toEqual([...new Set(dates(planned))].sort());
    expect(dates(planned)).not.toContain('2027-01-06');
  });

  it('skips Easter, May Day and Ascension Day in a spring cohort', () => {
    const monFri = generateSchedule({ startDate: '2026-03-30', lengthWeeks: 10, weekdays: [1, 2, 3, 4, 5], ...HALF_DAY });
    expect(monFri.skipped).toEqual([
      { date: '2026-04-03', holiday: 'goodFriday' },
      { date: '2026-04-06', holiday: 'easterMonday' },
      { date: '2026-05-01', holiday: 'mayDay' },
      { date: '2026-05-14', holiday: 'ascension' },
    ]);
    expect(monFri.planned).toHaveLength(46);

    const monThu = generateSchedule({ startDate: '2026-03-30', lengthWeeks: 10, weekdays: MON_THU, ...HALF_DAY });
    expect(monThu.skipped).toEqual([
      { date: '2026-04-06', holiday: 'easterMonday' },
      { date: '2026-05-14', holiday: 'ascension' },
    ]);
    expect(monThu.planned).toHaveLength(38);
    expect(dates(monThu.planned)).toContain('2026-04-02');
    expect(monThu.planned.at(-1)!.date).toBe('2026-06-04');
  });

  it('starts on a mid-week start date and runs seven days a week of length from it', () => {
    const { planned, skipped } = generateSchedule({ startDate: '2027-01-13', lengthWeeks: 1, weekdays: MON_THU, ...HALF_DAY });
    expect(dates(planned)).toEqual(['2027-01-13', '2027-01-14', '2027-01-18', '2027-01-19']);
    expect(skipped).toEqual([]);
  });

  it('meets only on the chosen weekdays', () => {
    const { planned, skipped } = generateSchedule({
      startDate: '2027-01-04',
      lengthWeeks: 2,
      weekdays: [1, 3],
      startTime: '12:30',
      endTime: '15:00',
    });
    expect(planned).toEqual([
      { date: '2027-01-04', startTime: '12:30', endTime: '15:00' },
      { date: '2027-01-11', startTime: '12:30', endTime: '15:00' },
      { date: '2027-01-13', startTime: '12:30', endTime: '15:00' },
    ]);
    expect(skipped).toEqual([{ date: '2027-01-06', holiday: 'epiphany' }]);
  });

  it('crosses the year end, skipping Christmas, New Year and Epiphany', () => {
    const everyDay = generateSchedule({ startDate: '2026-12-21', lengthWeeks: 3, weekdays: [1, 2, 3, 4, 5, 6, 7], ...HALF_DAY });
    expect(everyDay.skipped).toEqual([
      { date: '2026-12-24', holiday: 'christmasEve' },
      { date: '2026-12-25', holiday: 'christmasDay' },
      { date: '2026-12-26', holiday: 'boxingDay' },
      { date: '2027-01-01', holiday: 'newYear' },
      { date: '2027-01-06', holiday: 'epiphany' },
    ]);
    expect(everyDay.planned).toHaveLength(21 - 5);
    expect(everyDay.planned[0]!.date).toBe('2026-12-21');
    expect(everyDay.planned.at(-1)!.date).toBe('2027-01-10');
    expect(dates(everyDay.planned)).toEqual([...dates(everyDay.planned)].sort());

    const monThu = generateSchedule({ startDate: '2026-12-21', lengthWeeks: 3, weekdays: MON_THU, ...HALF_DAY });
    expect(dates(monThu.skipped)).toEqual(['2026-12-24', '2027-01-06']);
    expect(dates(monThu.planned)).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
      '2027-01-07',
    ]);
  });

  it('takes the weekdays in any order and still lists sessions by date', () => {
    const { planned } = generateSchedule({ startDate: '2025-09-01', lengthWeeks: 1, weekdays: [4, 1, 2], ...HALF_DAY });
    expect(dates(planned)).toEqual(['2025-09-01', '2025-09-02', '2025-09-04']);
  });

  it('refuses input that makes no schedule', () => {
    const ok = { startDate: '2027-01-04', lengthWeeks: 10, weekdays: MON_THU, ...HALF_DAY };
    const bad = [
      { startDate: '2027-02-30' },
      { startDate: '04.01.2027' },
      { lengthWeeks: 0 },
      { lengthWeeks: 2.5 },
      { lengthWeeks: Number.NaN },
      { weekdays: [] },
      { weekdays: [0, 1] },
      { weekdays: [1, 8] },
      { weekdays: [1, 1] },
      { weekdays: [1.5] },
      { startTime: '9:00' },
      { endTime: '24:00' },
      { startTime: '12:00', endTime: '12:00' },
      { startTime: '13:00', endTime: '12:00' },
      { startDate: '1899-12-25' },
      { startDate: '2200-12-01' },
    ];
    for (const change of bad) {
      expect(() => generateSchedule({ ...ok, ...change }), JSON.stringify(change)).toThrow(RangeError);
    }
    const lastCovered = generateSchedule({ ...ok, startDate: '2200-10-01', lengthWeeks: 13 });
    expect(lastCovered.planned.at(-1)!.date).toBe('2200-12-30');
    expect(dates(lastCovered.skipped)).toEqual(['2200-12-24', '2200-12-25']);
  });
});

describe('time ranges', () => {
  it('overlap when they share a minute, not when they only touch', () => {
    const range = (startTime: string, endTime: string) => ({ startTime, endTime });
    expect(timeRangesOverlap(range('09:00', '12:00'), range('12:00', '15:00'))).toBe(false);
    expect(timeRangesOverlap(range('12:00', '15:00'), range('09:00', '12:00'))).toBe(false);
    expect(timeRangesOverlap(range('09:00', '12:00'), range('11:59', '15:00'))).toBe(true);
    expect(timeRangesOverlap(range('09:00', '12:00'), range('10:00', '11:00'))).toBe(true);
    expect(timeRangesOverlap(range('10:00', '11:00'), range('09:00', '12:00'))).toBe(true);
    expect(timeRangesOverlap(range('09:00', '12:00'), range('09:00', '12:00'))).toBe(true);
    expect(timeRangesOverlap(range('08:00', '09:00'), range('13:00', '16:00'))).toBe(false);
    expect(timeRangesOverlap(range('00:00', '23:59'), range('23:58', '23:59'))).toBe(true);
  });

  it('refuse malformed or backwards ranges', () => {
    const good = { startTime: '09:00', endTime: '12:00' };
    expect(() => timeRangesOverlap(good, { startTime: '9:00', endTime: '12:00' })).toThrow(RangeError);
    expect(() => timeRangesOverlap(good, { startTime: '12:00', endTime: '09:00' })).toThrow(RangeError);
    expect(() => timeRangesOverlap({ startTime: '09:60', endTime: '12:00' }, good)).toThrow(RangeError);
  });
});
