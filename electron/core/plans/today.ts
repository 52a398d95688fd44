/** What the plans domain puts on the Today page: the open steps of the plans of the user's own participants. */
import type { GoalKind, StepOwner } from '@shared/plans';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';

export interface OpenStep {
  participantId: string;
  stepId: string;
  what: string;
  owner: StepOwner;
  due: string;
  goalKind: GoalKind;
  goalTarget: string;
}

/**
 * Open steps due on or before `until` in the plans of participants whose responsible caseworker is `userId`, by due
 * date (so the overdue come first), then in the plan's order. At most `limit`, with the total.
 */
export function openStepsOf(
  db: Db,
  { userId, until, limit }: { userId: string; until: string; limit: number },
): { rows: OpenStep[]; total: number } {
  const rows = all<OpenStep>(
    db,
    sql`SELECT p.id AS participantId, s.id AS stepId, s.what, s.owner, s.due, g.kind AS goalKind, g.target AS goalTarget
        FROM plan_steps s JOIN plan_goals g ON g.id = s.goal_id JOIN plans pl ON pl.id = g.plan_id
        JOIN participants p ON p.id = pl.participant_id
        WHERE s.status = 'open' AND s.due IS NOT NULL AND s.due <= ${until} AND p.responsible_caseworker_id = ${userId}
        ORDER BY s.due, p.pseudonym, g.position, s.position
        LIMIT ${limit}`,
  );
  const total =
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n
          FROM plan_steps s JOIN plan_goals g ON g.id = s.goal_id JOIN plans pl ON pl.id = g.plan_id
          JOIN participants p ON p.id = pl.participant_id
          WHERE s.status = 'open' AND s.due IS NOT NULL AND s.due <= ${until} AND p.responsible_caseworker_id = ${userId}`,
    )?.n ?? 0;
  return { rows, total };
}
