/** Sessions that were held but whose attendance nobody has marked yet, for the Today page. */
import type { Session } from '@shared/sessions';
import type { Db } from '../db/open';
import { all } from '../db/sql';
import { SESSION_ORDER, SESSION_SELECT, toSession, type SessionDbRow } from '../sessions/rows';

/**
 * Planned sessions from `since` up to now (today's only once they have ended at `clock`, HH:MM) that had someone
 * enrolled in group mode on the day and have no attendance mark at all, oldest first.
 */
export function heldWithoutMarks(db: Db, { since, today, clock }: { since: string; today: string; clock: string }): Session[] {
  return all<SessionDbRow>(db, {
    text: `${SESSION_SELECT}
      WHERE s.state = 'planned' AND s.date BETWEEN ? AND ? AND (s.date < ? OR s.end_time <= ?)
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = s.cohort_id AND e.mode = 'group'
                      AND e.start_date <= s.date AND (e.end_date IS NULL OR e.end_date >= s.date))
      ${SESSION_ORDER}`,
    values: [since, today, today, clock],
  }).map(toSession);
}
