/**
 * The programme's calendar: Finnish days off and the session schedule of a cohort.
 *
 * Pure functions over ISO dates ('YYYY-MM-DD') and clock times ('HH:MM'), shared by the main side and the renderer.
 * Days are counted with the whole-day arithmetic of ./days, so a daylight-saving change cannot move a session to
 * another day.
 */
import {
  addDays,
  civilOf,
  daysBetween,
  dayNumberOf,
  dayNumberOfDay,
  dayOfDayNumber,
  isoWeekOf,
  isoWeekday,
  mondayOf,
  parseDay,
  weekdayOfDayNumber,
  type Civil,
} from './days';

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

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function requireWholeNumber(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number: ${String(value)}`);
}

function requireCalendarYear(year: number): void {
  requireWholeNumber(year, 'Year');
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    throw new RangeError(`The holiday calendar covers ${CALENDAR_YEARS.min}-${CALENDAR_YEARS.max}, not ${year}`);
  }
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
    .map(({ dayNumber, name }) => ({ date: dayOfDayNumber(dayNumber), name }));
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
  const civil = parseDay(date);
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
  const first = dayNumberOfDay(startDate);
  requireWholeNumber(lengthWeeks, 'Length in weeks');
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
    const date = dayOfDayNumber(day);
    const holiday = daysOff.get(day);
    if (holiday) skipped.push({ date, holiday });
    else planned.push({ date, startTime, endTime });
  }
  return { planned, skipped };
}

/** A cohort's period: its first and last day. */
export type ProgrammePeriod = { startDate: string; endDate: string };

/**
 * A week of a cohort's programme: Monday to Sunday, numbered 1 for the week the cohort starts in, out of `total`
 * weeks (the calendar weeks from the start to the last day; a cohort starting on a Monday has as many as it is
 * long). `inPeriod` is false for a week before the first or after the last, where a moved session can fall.
 */
export type ProgrammeWeek = { monday: string; number: number; total: number; inPeriod: boolean };

/** The number of programme weeks of a period: calendar weeks from the start's week to the last day's week. */
export function programmeWeekCount(period: ProgrammePeriod): number {
  return Math.floor(daysBetween(mondayOf(period.startDate), mondayOf(period.endDate)) / 7) + 1;
}

/** The programme week a day falls in. The one place a programme week is computed (screens and paper alike). */
export function programmeWeekOf(period: ProgrammePeriod, day: string): ProgrammeWeek {
  const monday = mondayOf(day);
  const number = Math.floor(daysBetween(mondayOf(period.startDate), monday) / 7) + 1;
  const total = programmeWeekCount(period);
  return { monday, number, total, inPeriod: number >= 1 && number <= total };
}

/** The Monday of programme week `number` of a period. */
export function mondayOfProgrammeWeek(period: ProgrammePeriod, number: number): string {
  return addDays(mondayOf(period.startDate), 7 * (number - 1));
}

/**
 * The last day a week's dates name: Friday, or Sunday when a session falls on the weekend ("1.–5.2.2027"). The
 * week's heading, the attendance panel and an assessment's due date all read it, so that one week is not given two
 * sets of dates.
 */
export function weekLastDay(monday: string, sessionDates: readonly string[]): string {
  return addDays(monday, sessionDates.some((day) => isoWeekday(day) > 5) ? 6 : 4);
}

/**
 * How a week is named: "Viikko 6 / 10" (programme.week.of) inside the cohort's period, and outside it, where the
 * programme has no week, the calendar week labelled as such (programme.week.calendar). The key and its values,
 * for the interface's and the printout's translation functions alike.
 */
export function programmeWeekText(
  week: ProgrammeWeek,
):
  | { key: 'programme.week.of'; values: { number: number; total: number } }
  | { key: 'programme.week.calendar'; values: { number: number } } {
  return week.inPeriod
    ? { key: 'programme.week.of', values: { number: week.number, total: week.total } }
    : { key: 'programme.week.calendar', values: { number: isoWeekOf(week.monday).week } };
}
