/** What the notes domain puts on the Today page: open follow-up tasks and the user's own drafts. */
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';

export interface OpenFollowUp {
  noteId: string;
  participantId: string;
  task: string;
  due: string;
  ownerName: string | null;
  mine: boolean;
}

/**
 * Open follow-ups due on or before `until`: the user's own first (owned by them, or owned by an account that is not
 * active here — one received with a handed-over file, or of someone who left — when the user is the participant's
 * responsible caseworker), then by due date, so the overdue come before the due. At most `limit`, with the total.
 */
export function openFollowUps(
  db: Db,
  { userId, until, limit }: { userId: string; until: string; limit: number },
): { rows: OpenFollowUp[]; total: number } {
  const rows = all<{
    note_id: string;
    participant_id: string;
    task: string;
    due: string;
    owner_name: string | null;
    mine: number;
  }>(
    db,
    sql`SELECT n.id AS note_id, n.participant_id, n.follow_up_task AS task, n.follow_up_due AS due,
               o.display_name AS owner_name,
               (n.follow_up_owner = ${userId}
                 OR (ifnull(o.active, 0) = 0 AND p.responsible_caseworker_id = ${userId})) AS mine
        FROM notes n INDEXED BY notes_open_follow_ups
        JOIN participants p ON p.id = n.participant_id
        LEFT JOIN users o ON o.id = n.follow_up_owner
        WHERE n.follow_up_task IS NOT NULL AND n.follow_up_done = 0 AND n.follow_up_due <= ${until}
        ORDER BY mine DESC, n.follow_up_due, n.seq
        LIMIT ${limit}`,
  );
  const total =
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM notes INDEXED BY notes_open_follow_ups
          WHERE follow_up_task IS NOT NULL AND follow_up_done = 0 AND follow_up_due <= ${until}`,
    )?.n ?? 0;
  return {
    rows: rows.map((r) => ({
      noteId: r.note_id,
      participantId: r.participant_id,
      task: r.task,
      due: r.due,
      ownerName: r.owner_name,
      mine: r.mine === 1,
    })),
    total,
  };
}

/** Every draft of the user's, for any participant, the latest saved first. */
export function draftsOf(
  db: Db,
  userId: string,
): { draftId: string; participantId: string; noteId: string | null; updatedAt: string }[] {
  return all<{ draftId: string; participantId: string; noteId: string | null; updatedAt: string }>(
    db,
    sql`SELECT id AS draftId, participant_id AS participantId, note_id AS noteId, updated_at AS updatedAt
        FROM note_drafts WHERE user_id = ${userId} ORDER BY updated_at DESC, id`,
  );
}
