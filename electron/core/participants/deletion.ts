import type { Db } from '../db/open';
import { participantSteps, participantTables, quoteName as quote } from './row-graph';

/** How many rows of each table a deletion would remove; a row reached by two paths counts once. */
export function countParticipantRows(db: Db, participantId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { table, where, params } of participantTables(db, participantId)) {
    const { n } = db.prepare(`SELECT count(*) AS n FROM ${quote(table)} WHERE ${where}`).get(...params) as { n: number };
    if (n > 0) counts[table] = n;
  }
  return counts;
}

/**
 * Removes the participant and every row that belongs to them, in the caller's transaction. Triggers keep the
 * full-text indexes in step; secure_delete (set at open) overwrites the freed space.
 */
export function deleteParticipantRows(db: Db, participantId: string): void {
  for (const step of participantSteps(db, participantId)) {
    db.prepare(`DELETE FROM ${quote(step.table)} WHERE ${step.where}`).run(...step.params);
  }
}
