/**
 * Calendar days, shared by the main side and the renderer: today on the workstation's calendar, ISO day strings
 * ('YYYY-MM-DD'), and day and week arithmetic.
 *
 * A day is counted as a whole number with integer arithmetic (proleptic Gregorian calendar), never through `Date`
 * in a local time zone, so a daylight-saving change cannot move anything to another day. Only `dayOf` looks at a
 * time zone: a moment belongs to the day the workstation's clock shows, which in Finland is not the UTC day
 * between midnight and 02:00 or 03:00 (`toISOString().slice(0, 10)` is yesterday then).
 */

/** A Gregorian calendar date. */
export type Civil = { year: number; month: number; day: number };

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** How many days a month of a year has. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number: ${String(value)}`);
}

/** Days since 1970-01-01 of a Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The Gregorian date of a day number (H. Hinnant's civil_from_days). */
export function civilOf(dayNumber: number): Civil {
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

/** The date an ISO day names; a RangeError for anything that is not a real calendar date. */
export function parseDay(day: string): Civil {
  const match = typeof day === 'string' ? ISO_DAY.exec(day) : null;
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(day)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) {
    throw new RangeError(`No such calendar date: ${day}`);
  }
  return { year, month, day: date };
}

/** Whether a string is an ISO day of a real calendar date. */
export function isIsoDay(value: string): boolean {
  try {
    parseDay(value);
    return true;
  } catch {
    return false;
  }
}

/** A date as an ISO day ('YYYY-MM-DD'), years 1-9999. */
export function formatDay({ year, month, day }: Civil): string {
  if (year < 1 || year > 9999) throw new RangeError(`Date out of the supported range (years 1-9999): year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of an ISO day. */
export function dayNumberOfDay(day: string): number {
  return dayNumberOf(parseDay(day));
}

/** The ISO day of a day number. */
export function dayOfDayNumber(dayNumber: number): string {
  return formatDay(civilOf(dayNumber));
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  // The remainder is 0..6, so the result is always one of the seven.
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Whether a number is an ISO weekday (1-7). */
export function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/**
 * The calendar day of a moment on the workstation's clock (or in `timeZone`, an IANA name), as an ISO day.
 * With the clock's `now`, today.
 */
export function dayOf(moment: Date, timeZone?: string): string {
  if (timeZone === undefined) {
    return formatDay({ year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() });
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return formatDay({ year: part('year'), month: part('month'), day: part('day') });
}

/** The time of day of a moment on the workstation's clock, 'HH:MM': the form session times are kept in. */
export function clockOf(moment: Date): string {
  return `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
}

/**
 * The moment a workstation clock shows `time` ('HH:MM', noon when left out) on an ISO day: what Intl needs to write
 * the day in a locale. Noon, because a few time zones skip midnight on the day their clocks change.
 */
export function localMoment(day: string, time: string | null = null): Date {
  const { year, month, day: date } = parseDay(day);
  const [hours = 12, minutes = 0] = time ? time.split(':').map(Number) : [];
  return new Date(year, month - 1, date, hours, minutes);
}

/** The day n days after (n < 0: before) an ISO day. */
export function addDays(day: string, n: number): string {
  requireInteger(n, 'Number of days');
  return dayOfDayNumber(dayNumberOfDay(day) + n);
}

/**
 * The same day n calendar months later (n < 0: earlier), kept inside its month: 31 January + 1 month is the last
 * of February (28th, or 29th in a leap year), 31 August + 3 months is 30 November.
 */
export function addMonths(day: string, n: number): string {
  requireInteger(n, 'Number of months');
  const { year, month, day: date } = parseDay(day);
  const months = year * 12 + (month - 1) + n;
  const toYear = Math.floor(months / 12);
  const toMonth = months - toYear * 12 + 1;
  return formatDay({ year: toYear, month: toMonth, day: Math.min(date, daysInMonth(toYear, toMonth)) });
}

/** ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): IsoWeekday {
  return weekdayOfDayNumber(dayNumberOfDay(day));
}

/** The Monday of the ISO week a day falls in. */
export function mondayOf(day: string): string {
  const dayNumber = dayNumberOfDay(day);
  return dayOfDayNumber(dayNumber - weekdayOfDayNumber(dayNumber) + 1);
}

/** ISO 8601 week of a day: weeks start on Monday and belong to the year their Thursday is in. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const dayNumber = dayNumberOfDay(day);
  const thursday = dayNumber - weekdayOfDayNumber(dayNumber) + 4;
  const year = civilOf(thursday).year;
  const week = Math.floor((thursday - dayNumberOf({ year, month: 1, day: 1 })) / 7) + 1;
  return { year, week };
}

/** Whole days from a to b: positive when b is later, negative when earlier. */
export function daysBetween(a: string, b: string): number {
  return dayNumberOfDay(b) - dayNumberOfDay(a);
}

/** Today on the workstation's calendar; `now` is the caller's clock (the wall clock when left out). */
export function today(now: Date = new Date()): string {
  return dayOf(now);
}
