/**
 * The weeks of the programme as the interface shows them: a cohort's sessions by programme week ("Viikko 6 / 10"),
 * the calendar week where a calendar needs one ("Kalenteriviikko 50"), and the days of a week. The week itself is
 * computed in one place, shared/programme-calendar.ts, which the printed week schedule reads too.
 */
import type { TFunction } from 'i18next';
import { addDays, isoWeekday, isoWeekOf } from '@shared/days';
import { formatWeekDates, formatWeekdayHeading } from '@shared/i18n/week-format';
import {
  programmeWeekOf,
  programmeWeekText,
  weekLastDay,
  type ProgrammePeriod,
  type ProgrammeWeek,
} from '@shared/programme-calendar';
import type { Session } from '@shared/sessions';

export interface SessionWeek {
  /** The programme week, with its Monday. */
  week: ProgrammeWeek;
  sessions: Session[];
}

/** Sessions (already in time order) by the programme week they fall in, in week order. */
export function groupByWeek(sessions: readonly Session[], period: ProgrammePeriod): SessionWeek[] {
  const weeks = new Map<string, SessionWeek>();
  for (const session of sessions) {
    const week = programmeWeekOf(period, session.date);
    const found = weeks.get(week.monday) ?? { week, sessions: [] };
    found.sessions.push(session);
    weeks.set(week.monday, found);
  }
  return [...weeks.values()].sort((a, b) => (a.week.monday < b.week.monday ? -1 : 1));
}

/**
 * The week to show open on the cohort page: the one `today` falls in, else the first one after today, else (a
 * cohort that has ended) the last. Undefined for no weeks.
 */
export function openWeekOf(weeks: readonly SessionWeek[], today: string): string | undefined {
  const current = weeks.find((w) => w.week.monday <= today && today <= addDays(w.week.monday, 6));
  return (current ?? weeks.find((w) => w.week.monday > today) ?? weeks.at(-1))?.week.monday;
}

/** "Viikko 6 / 10" in the period, "Kalenteriviikko 50" outside it: the one key that names a programme week. */
export function programmeWeekLabel(t: TFunction, week: ProgrammeWeek): string {
  const { key, values } = programmeWeekText(week);
  return t(key, values);
}

/** A week label inside a sentence: "Tulosta viikko-ohjelma, viikko 6 / 10". */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase() + label.slice(1);
}

/** "Kalenteriviikko 50": the calendar week, for the week view across cohorts, which is a calendar. */
export function calendarWeekLabel(t: TFunction, monday: string): string {
  return t('programme.week.calendar', { number: isoWeekOf(monday).week });
}

/** The last day a week's dates name: one home, shared/programme-calendar.ts (due dates read it too). */
export { weekLastDay };

/** The days shown for a week: Monday to Friday, and Saturday or Sunday when something falls on them. */
export function shownDays(weekStart: string, datesWithSessions: ReadonlySet<string>): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).filter(
    (day) => isoWeekday(day) <= 5 || datesWithSessions.has(day),
  );
}

/** "Maanantai 22.3." (or "Monday March 22"). */
export function dayHeading(language: string, day: string): string {
  return formatWeekdayHeading(language, day);
}

/** A week's dates, Monday to Sunday: "22.–28.3.2027". */
export function weekDates(language: string, weekStart: string): string {
  return formatWeekDates(language, weekStart);
}
