/** Safety flags for the Today page. */
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';

/** The participants `userId` is responsible for who have flags in force, with how many, by pseudonym order. */
export function flaggedParticipantsOf(db: Db, userId: string): { participantId: string; flags: number }[] {
  return all<{ participantId: string; flags: number }>(
    db,
    sql`SELECT p.id AS participantId, count(*) AS flags
        FROM participants p JOIN safety_flags f ON f.participant_id = p.id AND f.cleared_at IS NULL
        WHERE p.responsible_caseworker_id = ${userId}
        GROUP BY p.id ORDER BY p.pseudonym`,
  );
}
