/** Dates of a participant's file in the interface language: a bare date is a calendar day, not a UTC moment. */
import { intlLocale } from '@shared/typed-dates';

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a timeline moment is a bare date (YYYY-MM-DD) with no time of day. */
export function isBareDate(at: string): boolean {
  return BARE_DATE.test(at);
}

/** The moment as a local Date; a bare date is that day's local midnight. */
export function localDate(at: string): Date {
  const bare = BARE_DATE.exec(at);
  return bare ? new Date(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3])) : new Date(at);
}

/** The local calendar day of a moment, as YYYY-MM-DD (the key to group a timeline by day). */
export function dayOf(at: string): string {
  if (isBareDate(at)) return at;
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "1 October 2026" in the locale's own way. */
export function formatDay(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(localDate(at));
}

/** "Saturday 28 November 2026": a day heading of the timeline. */
export function formatDayHeading(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(localDate(day));
}

/** "09:05": the local time of a timed moment. */
export function formatTime(at: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(new Date(at));
}

/** Items grouped by local day, days in order of first appearance (the timeline comes newest first). */
export function groupByDay<T extends { at: string }>(items: readonly T[]): { day: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const day = dayOf(item.at);
    groups.set(day, [...(groups.get(day) ?? []), item]);
  }
  return [...groups].map(([day, dayItems]) => ({ day, items: dayItems }));
}
