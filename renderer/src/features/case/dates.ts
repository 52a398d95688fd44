/** Days of a participant's timeline: a bare date is a calendar day, not a UTC moment. */
import { dayOf as dayOfMoment, isIsoDay } from '@shared/days';

/** Whether a timeline moment is a bare date (YYYY-MM-DD) with no time of day. */
export function isBareDate(at: string): boolean {
  return isIsoDay(at);
}

/** The local calendar day of a moment, as YYYY-MM-DD (the key to group a timeline by day). */
export function dayOf(at: string): string {
  return isBareDate(at) ? at : dayOfMoment(new Date(at));
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
