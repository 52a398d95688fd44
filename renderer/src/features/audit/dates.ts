/**
 * The audit filter's date range: calendar days typed in the user's own time zone, sent as the exact moments
 * they begin and end (the log stores UTC date-times), so that "27 March" means the user's 27 March.
 */
import { intlLocale } from '@shared/typed-dates';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localMidnight(day: string, offsetDays: number): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + offsetDays);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The first moment of a local calendar day (YYYY-MM-DD) as an ISO date-time; null for anything else. */
export function startOfLocalDay(day: string): string | null {
  return localMidnight(day, 0)?.toISOString() ?? null;
}

/**
 * The last millisecond of a local calendar day, so that an inclusive "to" takes in the whole day — which is
 * 23 or 25 hours long on the days the clocks change.
 */
export function endOfLocalDay(day: string): string | null {
  const next = localMidnight(day, 1);
  return next ? new Date(next.getTime() - 1).toISOString() : null;
}

/** An entry's moment in the interface language and the user's time zone, to the second. */
export function formatEntryTime(at: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(at));
}
