/** Days of the week view as the UI language writes them. */
import { addDays, isoWeekday, isoWeekOf, localMoment } from '@shared/days';

/** The days shown for a week: Monday to Friday, and Saturday or Sunday when something falls on them. */
export function shownDays(weekStart: string, datesWithSessions: ReadonlySet<string>): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).filter(
    (day) => isoWeekday(day) <= 5 || datesWithSessions.has(day),
  );
}

/** "Monday 22 March" (or "Maanantai 22.3."). */
export function dayHeading(language: string, day: string): string {
  const at = localMoment(day);
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'long' }).format(at);
  const date = new Intl.DateTimeFormat(
    language,
    language === 'fi' ? { day: 'numeric', month: 'numeric' } : { day: 'numeric', month: 'long' },
  ).format(at);
  return `${weekday.charAt(0).toLocaleUpperCase()}${weekday.slice(1)} ${date}`;
}

/** The week's number and its dates: { number: 12, dates: "22.–28.3.2027" }. */
export function weekTitle(language: string, weekStart: string): { number: number; dates: string } {
  const options: Intl.DateTimeFormatOptions =
    language === 'fi'
      ? { day: 'numeric', month: 'numeric', year: 'numeric' }
      : { day: 'numeric', month: 'long', year: 'numeric' };
  return {
    number: isoWeekOf(weekStart).week,
    dates: new Intl.DateTimeFormat(language, options).formatRange(localMoment(weekStart), localMoment(addDays(weekStart, 6))),
  };
}
