/**
 * Numbers, days, times and sizes in the UI locale, through Intl: the one place the interface writes them.
 * A calendar day (YYYY-MM-DD) is the day it names wherever the workstation is; a moment (an ISO date-time) is
 * shown on the workstation's clock. Each function takes the locale last, the UI's own when left out. Dates in
 * numbers and clock times are written day first and on the 24-hour clock in every language (English as en-GB:
 * docs/dates.md says why). A clock time is written by shared/i18n/clock-format.ts (klo 9.00, kl. 9.00, 09:00),
 * and a date with its time takes the Intl tag whose clock agrees with it.
 */
import i18n from 'i18next';
import { clockOf, dayOf, isIsoDay, localMoment } from '@shared/days';
import { clockPhrase, formatClock, intlLocale } from '@shared/i18n/clock-format';

type DateStyle = NonNullable<Intl.DateTimeFormatOptions['dateStyle']>;
type TimeStyle = NonNullable<Intl.DateTimeFormatOptions['timeStyle']>;

const uiLocale = () => i18n.language;

/** A whole number with the locale's digit grouping ("1 234" in Finnish). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLocale()).format(value);
}

/** "in 45 seconds" / "in 2 minutes", for a wait given in milliseconds. */
export function formatWait(ms: number): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(uiLocale()), { numeric: 'always' });
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? format.format(seconds, 'second') : format.format(Math.ceil(seconds / 60), 'minute');
}

/** A calendar date, for printed sheets. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(uiLocale()), { dateStyle: 'long' }).format(date);
}

/** A date with its time of day, for events such as the last backup. */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(uiLocale()), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/**
 * A calendar day (YYYY-MM-DD): "20.11.2026" (medium), "20. marraskuuta 2026" (long), with the weekday (full).
 * Anything that is not a calendar day is shown as it is.
 */
export function formatDay(day: string, style: DateStyle = 'medium', locale = uiLocale()): string {
  if (!isIsoDay(day)) return day;
  // Numbers alone are written day first in every language (en-GB for English), never in the US order.
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style }).format(localMoment(day));
}

/** A day of the month without the year: "14 Jan" (or "Jan 14"), for previews and ranges. */
export function formatDayMonth(day: string, locale = uiLocale()): string {
  if (!isIsoDay(day)) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short' }).format(localMoment(day));
}

/** "14 Jan 2027 – 25 Mar 2027", shortened by the locale's own range rules. */
export function formatDayRange(first: string, last: string, locale = uiLocale()): string {
  if (!isIsoDay(first) || !isIsoDay(last)) return `${first} – ${last}`;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).formatRange(localMoment(first), localMoment(last));
}

/** A day with a clock time ('HH:MM') when there is one: an agreed appointment. */
export function formatDayAt(day: string, time: string | null, style: DateStyle = 'long', locale = uiLocale()): string {
  if (!isIsoDay(day)) return day;
  const options: Intl.DateTimeFormatOptions = time ? { dateStyle: style, timeStyle: 'short' } : { dateStyle: style };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(localMoment(day, time));
}

/** A moment (ISO date-time) as the locale writes a date with a time; anything else as it is. */
export function formatMoment(
  iso: string,
  dateStyle: DateStyle = 'medium',
  timeStyle: TimeStyle = 'short',
  locale = uiLocale(),
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle, timeStyle }).format(at);
}

/** "9.05" (Finnish, Swedish) or "09:05" (English): the time of day of a moment on the workstation's clock. */
export function formatTime(iso: string, locale = uiLocale()): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatClock(clockOf(at), locale);
}

/**
 * A moment in running text: only the time if it is today ("klo 14.02", "kl. 14.02", "14:02"), else the date and
 * the time ("3.12.2026 klo 14.02").
 */
export function formatWhen(iso: string, now: Date = new Date(), locale = uiLocale()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return dayOf(at) === dayOf(now) ? clockPhrase(clockOf(at), locale) : formatMoment(iso, 'medium', 'short', locale);
}

/** A file size in the largest unit that keeps it above 1 ("3.4 MB"). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
