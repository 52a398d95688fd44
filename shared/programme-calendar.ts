/**
 * The programme's calendar: Finnish days off and the session schedule of a cohort.
 *
 * Pure functions over ISO dates ('YYYY-MM-DD') and clock times ('HH:MM'), shared by the main side and the renderer.
 * Dates are counted as whole days with integer arithmetic (proleptic Gregorian calendar), never through `Date` in a
 * local time zone, so a daylight-saving change cannot move a session to another day.
 */

/** Finnish public holidays, plus Midsummer Eve and Christmas Eve, which workplaces and the programme keep as days off. */
export const FINNISH_HOLIDAYS = [
  'newYear',
  'epiphany',
  'goodFriday',
  'easterSunday',
  'easterMonday',
  'mayDay',
  'ascension',
  'whitsun',
  'midsummerEve',
  'midsummerDay',
  'allSaints',
  'independenceDay',
  'christmasEve',
  'christmasDay',
  'boxingDay',
] as const;
export type FinnishHoliday = (typeof FINNISH_HOLIDAYS)[number];

/** The years the holiday calendar is computed for; today's rules are applied to all of them. */
export const CALENDAR_YEARS = { min: 1900, max: 2200 } as const;

export type DayOff = { date: string; name: FinnishHoliday };
export type TimeRange = { startTime: string; endTime: string };
export type PlannedSession = { date: string; startTime: string; endTime: string };
export type SkippedDay = { date: string; holiday: FinnishHoliday };
export type ScheduleInput = {
  startDate: string;
  lengthWeeks: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
};
export type Schedule = { planned: PlannedSession[]; skipped: SkippedDay[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

type Civil = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a Gregorian date (H. Hinnant's days_from_civil). */
function dayNumberOf({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The Gregorian date of a day number (H. Hinnant's civil_from_days). */
function civilOf(dayNumber: number): Civil {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function parseDate(date: string): Civil {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`No such calendar date: ${date}`);
  }
  return { year, month, day };
}

function formatDate({ year, month, day }: Civil): string {
  if (year < 1 || year > 9999) throw new RangeError(`Date out of the supported range (years 1-9999): year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumberOfDate(date: string): number {
  return dayNumberOf(parseDate(date));
}

function dateOfDayNumber(dayNumber: number): string {
  return formatDate(civilOf(dayNumber));
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** ISO weekday of a day number: 1970-01-01 was a Thursday. */
function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  // The remainder is 0..6, so the result is always one of the seven.
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number: ${String(value)}`);
}

function requireCalendarYear(year: number): void {
  requireInteger(year, 'Year');
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    throw new RangeError(`The holiday calendar covers ${CALENDAR_YEARS.min}-${CALENDAR_YEARS.max}, not ${year}`);
  }
}

/** The date n days after (n < 0: before) an ISO date. */
export function addDays(date: string, n: number): string {
  requireInteger(n, 'Number of days');
  return dateOfDayNumber(dayNumberOfDate(date) + n);
}

/** Whether a number is an ISO weekday (1-7). */
export function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): IsoWeekday {
  return weekdayOfDayNumber(dayNumberOfDate(date));
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  const dayNumber = dayNumberOfDate(date);
  return dateOfDayNumber(dayNumber - weekdayOfDayNumber(dayNumber) + 1);
}

/** ISO 8601 week of a date: weeks start on Monday and belong to the year their Thursday is in. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const dayNumber = dayNumberOfDate(date);
  const thursday = dayNumber - weekdayOfDayNumber(dayNumber) + 4;
  const year = civilOf(thursday).year;
  const week = Math.floor((thursday - dayNumberOf({ year, month: 1, day: 1 })) / 7) + 1;
  return { year, week };
}

/** Whole days from a to b: positive when b is later, negative when earlier. */
export function daysBetween(a: string, b: string): number {
  return dayNumberOfDate(b) - dayNumberOfDate(a);
}

/** Easter Sunday of a Gregorian year by the anonymous (Meeus/Jones/Butcher) algorithm. */
function easterSunday(year: number): Civil {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The day number of the given weekday on or after a date. */
function weekdayOnOrAfter(civil: Civil, weekday: number): number {
  const first = dayNumberOf(civil);
  return first + ((weekday - weekdayOfDayNumber(first) + 7) % 7);
}

function dayNumbersOff(year: number): Record<FinnishHoliday, number> {
  const on = (month: number, day: number) => dayNumberOf({ year, month, day });
  const easter = dayNumberOf(easterSunday(year));
  const midsummerDay = weekdayOnOrAfter({ year, month: 6, day: 20 }, 6);
  return {
    newYear: on(1, 1),
    epiphany: on(1, 6),
    goodFriday: easter - 2,
    easterSunday: easter,
    easterMonday: easter + 1,
    mayDay: on(5, 1),
    ascension: easter + 39,
    whitsun: easter + 49,
    midsummerEve: midsummerDay - 1,
    midsummerDay,
    allSaints: weekdayOnOrAfter({ year, month: 10, day: 31 }, 6),
    independenceDay: on(12, 6),
    christmasEve: on(12, 24),
    christmasDay: on(12, 25),
    boxingDay: on(12, 26),
  };
}

/**
 * Every Finnish day off of a year (1900-2200), sorted by date. Two can fall on one date (Ascension Day on May Day
 * when Easter is on 23 March, as in 2008): both are listed, in FINNISH_HOLIDAYS order.
 */
export function finnishDaysOff(year: number): DayOff[] {
  requireCalendarYear(year);
  const days = dayNumbersOff(year);
  return FINNISH_HOLIDAYS.map((name) => ({ dayNumber: days[name], name }))
    .sort((x, y) => x.dayNumber - y.dayNumber)
    .map(({ dayNumber, name }) => ({ date: dateOfDayNumber(dayNumber), name }));
}

/** Days off by day number for the given years; where two share a date, the first in FINNISH_HOLIDAYS order. */
function daysOffByDayNumber(fromYear: number, toYear: number): Map<number, FinnishHoliday> {
  const byDay = new Map<number, FinnishHoliday>();
  for (let year = fromYear; year <= toYear; year++) {
    const days = dayNumbersOff(year);
    for (const name of FINNISH_HOLIDAYS) if (!byDay.has(days[name])) byDay.set(days[name], name);
  }
  return byDay;
}

/** The Finnish day off on a date (1900-2200), or null for an ordinary day. */
export function isFinnishDayOff(date: string): FinnishHoliday | null {
  const civil = parseDate(date);
  requireCalendarYear(civil.year);
  return daysOffByDayNumber(civil.year, civil.year).get(dayNumberOf(civil)) ?? null;
}

function minutesOf(time: string, what: string): number {
  const match = typeof time === 'string' ? CLOCK_TIME.exec(time) : null;
  if (!match) throw new RangeError(`${what} is not a 24-hour time (HH:MM): ${String(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function rangeMinutes(range: TimeRange): { start: number; end: number } {
  const start = minutesOf(range.startTime, 'Start time');
  const end = minutesOf(range.endTime, 'End time');
  if (end <= start) throw new RangeError(`End time ${range.endTime} is not after start time ${range.startTime}`);
  return { start, end };
}

/** Whether two time ranges of a day share any minute; ranges that only touch (09:00-12:00, 12:00-15:00) do not. */
export function timeRangesOverlap(a: TimeRange, b: TimeRange): boolean {
  const x = rangeMinutes(a);
  const y = rangeMinutes(b);
  return x.start < y.end && y.start < x.end;
}

/**
 * A cohort's sessions: every listed weekday in [startDate, startDate + 7 * lengthWeeks days), Finnish days off left
 * out and reported in `skipped`. Both lists are sorted by date.
 */
export function generateSchedule(input: ScheduleInput): Schedule {
  const { startDate, lengthWeeks, weekdays, startTime, endTime } = input;
  const first = dayNumberOfDate(startDate);
  requireInteger(lengthWeeks, 'Length in weeks');
  if (lengthWeeks < 1) throw new RangeError(`Length in weeks must be at least 1: ${lengthWeeks}`);
  if (weekdays.length === 0) throw new RangeError('At least one weekday is needed');
  for (const weekday of weekdays) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(`Weekday must be 1 (Monday) to 7 (Sunday): ${String(weekday)}`);
    }
  }
  if (new Set(weekdays).size !== weekdays.length) throw new RangeError('Weekdays are listed more than once');
  rangeMinutes({ startTime, endTime });

  const end = first + 7 * lengthWeeks;
  const fromYear = civilOf(first).year;
  const toYear = civilOf(end - 1).year;
  requireCalendarYear(fromYear);
  requireCalendarYear(toYear);

  const daysOff = daysOffByDayNumber(fromYear, toYear);
  const meets = new Set(weekdays);
  const planned: PlannedSession[] = [];
  const skipped: SkippedDay[] = [];
  for (let day = first; day < end; day++) {
    if (!meets.has(weekdayOfDayNumber(day))) continue;
    const date = dateOfDayNumber(day);
    const holiday = daysOff.get(day);
    if (holiday) skipped.push({ date, holiday });
    else planned.push({ date, startTime, endTime });
  }
  return { planned, skipped };
}
