/**
 * Dates and times as people type and read them in each interface language, to and from the ISO values the
 * channels carry (YYYY-MM-DD, HH:MM). Every language here reads a date day first: "4/12" is 4 December in
 * English too (the English interface serves an international team in Finland, so never the US month-first
 * order), and ISO 2026-12-04 is accepted everywhere. Pure functions: "today" is passed in.
 */
import { daysInMonth, formatDay as formatIsoDay, isIsoDay, parseDay } from './days';
import { clockPhrase, formatClock, INTL_LOCALE } from './i18n/clock-format';
import type { Locale } from './locales';

/** Which century a year typed with two digits (or left out) belongs to. */
export type YearWindow =
  /** Birth dates and other days already lived: the latest such year not after this year. */
  | 'past'
  /** Follow-ups, sessions, consents: the year nearest to this year. */
  | 'near';

export interface DateReading {
  /** Today as YYYY-MM-DD, the reference for a missing year and for two-digit years. */
  today: string;
  years?: YearWindow;
}

export { INTL_LOCALE, intlLocale } from './i18n/clock-format';

/** The language Chromium is started with, so that its own widgets and navigator.language follow the interface. */
export const CHROMIUM_LANG: Record<Locale, string> = { fi: 'fi', sv: 'sv', en: 'en-GB' };

const pad = (n: number) => String(n).padStart(2, '0');
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The ISO day of a typed year, month and day, or null when no such calendar day exists. */
function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIsoDay({ year, month, day });
}

function fullYear(typed: string | undefined, { today, years = 'near' }: DateReading): number {
  const thisYear = Number(today.slice(0, 4));
  if (typed === undefined || typed === '') return thisYear;
  if (typed.length === 4) return Number(typed);
  const twoDigits = Number(typed);
  const sameCentury = thisYear - (thisYear % 100) + twoDigits;
  if (years === 'past') return sameCentury > thisYear ? sameCentury - 100 : sameCentury;
  const candidates = [sameCentury - 100, sameCentury, sameCentury + 100];
  return candidates.reduce((best, year) => (Math.abs(year - thisYear) < Math.abs(best - thisYear) ? year : best));
}

/** Day first with a separator: 4.12.2026, 4.12.26, 4.12., 4.12, 4/12/2026, 4/12 2026, 4/12, 4-12-2026. */
const DAY_FIRST = /^(\d{1,2})\s*[./-]\s*(\d{1,2})(?:(?:\s*[./-]\s*|\s+)(\d{4}|\d{2}))?\s*\.?$/;
/** Digits alone: 0412 (day and month), 041226 and 04122026 (day, month, year). */
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{2}|\d{4})?$/;

/** The ISO day a person typed, or null if it cannot be read as one real calendar day. Empty text is ''. */
export function parseTypedDate(text: string, reading: DateReading): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = ISO_DAY.exec(typed);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parts = DAY_FIRST.exec(typed) ?? DIGITS_ONLY.exec(typed);
  if (!parts) return null;
  return isoDay(fullYear(parts[3], reading), Number(parts[2]), Number(parts[1]));
}

/** A stored day's year, month and day, or null for anything that is not a real calendar day. */
function dayParts(day: string): [number, number, number] | null {
  if (!isIsoDay(day)) return null;
  const { year, month, day: date } = parseDay(day);
  return [year, month, date];
}

/** How a field shows a stored day: 4.12.2026 (fi, and sv as written in Finland), 4/12/2026 (en). Other text is kept. */
export function formatTypedDate(day: string, locale: Locale): string {
  const parts = dayParts(day);
  if (!parts) return day;
  const [year, month, date] = parts;
  return locale === 'fi' || locale === 'sv' ? `${date}.${month}.${year}` : `${date}/${month}/${year}`;
}

/** The day in words under a date field, so a misread is seen before saving: "pe 4.12.2026", "fre 4 dec. 2026". */
export function describeTypedDate(day: string, locale: Locale): string {
  const parts = dayParts(day);
  if (!parts) return day;
  const [year, month, date] = parts;
  const at = new Date(Date.UTC(year, month - 1, date));
  if (locale === 'fi') {
    const weekday = new Intl.DateTimeFormat(INTL_LOCALE.fi, { weekday: 'short', timeZone: 'UTC' }).format(at);
    return `${weekday} ${formatTypedDate(day, 'fi')}`;
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** klo 9.00, 9.00, 9, 09:00, 9:30, 930, 0930, 9 pm. A one-digit minute (9.5) is refused: 9.05 or 9.30? */
const TIME = /^(?:(?:klo|kl)\.?\s*)?(\d{1,2})(?:\s*[.:]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const TIME_DIGITS = /^(?:(?:klo|kl)\.?\s*)?(\d{1,2})(\d{2})$/i;

/** The HH:MM a person typed, or null if it is not a time of day. Empty text is ''. */
export function parseTypedTime(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const clock = TIME.exec(typed);
  const digits = clock ? null : TIME_DIGITS.exec(typed);
  const hourText = clock?.[1] ?? digits?.[1];
  if (hourText === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(clock ? (clock[2] ?? '0') : digits?.[2]);
  const half = clock?.[3]?.toLowerCase().startsWith('p') ? 'pm' : clock?.[3] ? 'am' : null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return hour > 23 || minute > 59 ? null : `${pad(hour)}:${pad(minute)}`;
}

/** How a field shows a stored time: 9.00 in Finnish and Swedish, 09:00 in English (shared/i18n/clock-format.ts). */
export function formatTypedTime(time: string, locale: Locale): string {
  return formatClock(time, locale);
}

/** The time in words under a time field, as the language writes it in running text: "klo 9.00", "kl. 9.00". */
export function describeTypedTime(time: string, locale: Locale): string {
  return clockPhrase(time, locale);
}
