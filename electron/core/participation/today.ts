/**
 * What the participations put on the Today page: the six-month follow-ups coming due (from FOLLOW_UP_NOTICE_DAYS
 * before their day) or past it (up to FOLLOW_UP_LISTED_DAYS_AFTER after), not yet recorded. A caseworker sees those
 * of the participants they are responsible for; the coordinator, who reports to the funder, sees everyone's, their
 * own first.
 */
import { addDays, addMonths } from '@shared/days';
import { FOLLOW_UP_LISTED_DAYS_AFTER, FOLLOW_UP_MONTHS, followUpDueOn, followUpListed } from '@shared/participation';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import { participationDates } from './dates';

export interface DueFollowUp {
  participantId: string;
  /** The follow-up's day: six months after the exit. */
  due: string;
  overdue: boolean;
  /** The user is the participant's responsible caseworker. */
  mine: boolean;
}

/**
 * Follow-ups to do on `today`: the user's own first, then by due day and the participant's code. At most `limit`,
 * with the total. Only participants whose last enrolment ended in the months that can be listed are read.
 */
export function dueFollowUpsOf(
  db: Db,
  { userId, today, limit, everyone }: { userId: string; today: string; limit: number; everyone: boolean },
): { rows: DueFollowUp[]; total: number } {
  // An exit whose follow-up can be listed today falls in this span (a month either side of it is generous).
  const earliestExit = addMonths(addDays(today, -FOLLOW_UP_LISTED_DAYS_AFTER), -FOLLOW_UP_MONTHS - 1);
  const latestExit = addMonths(today, -FOLLOW_UP_MONTHS + 1);
  const candidates = all<{ id: string; pseudonym: string; mine: number }>(
    db,
    sql`SELECT DISTINCT p.id, p.pseudonym, p.responsible_caseworker_id IS ${userId} AS mine
        FROM enrolments e JOIN participants p ON p.id = e.participant_id
        WHERE e.end_date BETWEEN ${earliestExit} AND ${latestExit}
          AND (${everyone ? 1 : 0} = 1 OR p.responsible_caseworker_id IS ${userId})
          AND NOT EXISTS (SELECT 1 FROM participation_results r
                          WHERE r.participant_id = p.id AND r.follow_up_checked_on IS NOT NULL)`,
  );
  const dates = participationDates(
    db,
    candidates.map((c) => c.id),
  );
  const lines = candidates.flatMap((c) => {
    const exit = dates.get(c.id)?.exitDate ?? null;
    if (exit === null) return [];
    const due = followUpDueOn(exit);
    if (!followUpListed(due, today)) return [];
    return [{ participantId: c.id, pseudonym: c.pseudonym, due, overdue: due < today, mine: c.mine === 1 }];
  });
  lines.sort((a, b) => Number(b.mine) - Number(a.mine) || a.due.localeCompare(b.due) || a.pseudonym.localeCompare(b.pseudonym));
  return {
    rows: lines.slice(0, limit).map(({ participantId, due, overdue, mine }) => ({ participantId, due, overdue, mine })),
    total: lines.length,
  };
}
