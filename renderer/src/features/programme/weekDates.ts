/** Days of the week view as the UI language writes them. */
import { addDays, isoWeekday, isoWeekOf } from '@shared/days';
import { formatWeekDates, formatWeekdayHeading } from '@shared/i18n/week-format';

/** The days shown for a week: Monday to Friday, and Saturday or Sunday when something falls on them. */
export function shownDays(weekStart: string, datesWithSessions: ReadonlySet<string>): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).filter(
    (day) => isoWeekday(day) <= 5 || datesWithSessions.has(day),
  );
}

/** "Monday March 22" (or "Maanantai 22.3."). */
export function dayHeading(language: string, day: string): string {
  return formatWeekdayHeading(language, day);
}

/** The week's number and its dates: { number: 12, dates: "22.–28.3.2027" }. */
export function weekTitle(language: string, weekStart: string): { number: number; dates: string } {
  return { number: isoWeekOf(weekStart).week, dates: formatWeekDates(language, weekStart) };
}
