import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';

interface CreatedRow {
  created_at: string;
  creator_name: string | null;
}

interface StatusChangeRow {
  at: string;
  detail: string | null;
  user_name: string | null;
}

/** Whether a participant with this id exists. */
export function participantExists(db: Db, participantId: string): boolean {
  return get(db, sql`SELECT 1 AS found FROM participants WHERE id = ${participantId}`) !== undefined;
}

/**
 * The participant file's own events: when it was made, and each move along the status workflow. Status
 * changes are read from the audit log, which records who, when and the new status code (`to:<status>`);
 * records from before the code was kept say only that the status changed.
 */
export function participantEvents(db: Db, participantId: string): TimelineItem[] {
  const created = get<CreatedRow>(
    db,
    sql`SELECT p.created_at, u.display_name AS creator_name
        FROM participants p LEFT JOIN users u ON u.id = p.created_by
        WHERE p.id = ${participantId}`,
  );
  if (!created) return [];
  const changes = all<StatusChangeRow>(
    db,
    sql`SELECT a.at, a.detail, u.display_name AS user_name
        FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.entity = 'participant' AND a.entity_id = ${participantId}
          AND a.action = 'participants.setStatus' AND a.outcome = 'ok'`,
  );
  return [
    {
      kind: 'participant_created',
      id: participantId,
      at: created.created_at,
      byName: created.creator_name,
      label: 'participant_created',
      text: null,
    },
    ...changes.map(
      (change): TimelineItem => ({
        kind: 'status_changed',
        id: participantId,
        at: change.at,
        byName: change.user_name,
        label: change.detail?.startsWith('to:') ? change.detail.slice(3) : 'status_changed',
        text: null,
      }),
    ),
  ];
}
