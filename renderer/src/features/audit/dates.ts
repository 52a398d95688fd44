/**
 * The audit filter's date range: calendar days typed in the user's own time zone, sent as the exact moments
 * they begin and end (the log stores UTC date-times), so that "27 March" means the user's 27 March.
 */
import { addDays, isIsoDay, localMoment } from '@shared/days';

function localMidnight(day: string, offsetDays: number): Date | null {
  return isIsoDay(day) ? localMoment(addDays(day, offsetDays), '00:00') : null;
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
