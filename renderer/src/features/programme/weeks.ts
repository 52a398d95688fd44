/** A cohort's sessions grouped into the weeks of its period. */
import { daysBetween, mondayOf } from '@shared/days';
import type { Session } from '@shared/sessions';

export interface SessionWeek {
  /** The Monday of the week. */
  weekStart: string;
  /** The week of the cohort's period, 1 for the week it starts in; 0 or less for a session moved before it. */
  number: number;
  sessions: Session[];
}

/** Sessions (already in time order) by the week they fall in, numbered from the cohort's first week. */
export function groupByWeek(sessions: readonly Session[], cohortStart: string): SessionWeek[] {
  const firstMonday = mondayOf(cohortStart);
  const weeks = new Map<string, SessionWeek>();
  for (const session of sessions) {
    const weekStart = mondayOf(session.date);
    let week = weeks.get(weekStart);
    if (!week) {
      week = { weekStart, number: Math.floor(daysBetween(firstMonday, weekStart) / 7) + 1, sessions: [] };
      weeks.set(weekStart, week);
    }
    week.sessions.push(session);
  }
  return [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}
