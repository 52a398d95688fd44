/** What the notes domain puts on the Today page and a file's overview: open follow-up tasks and the user's own drafts. */
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

interface FollowUpRow {
  note_id: string;
  participant_id: string;
  task: string;
  due: string;
  owner_name: string | null;
  mine: number;
}

/**
 * The columns of an open follow-up and whether it is the user's: owned by them, or owned by an account that is not
 * active here (one received with a handed-over file, or of someone who left) when the user is the participant's
 * responsible caseworker. Joined as `n` (notes), `p` (participants) and `o` (the owner); binds the user's id twice.
 */
const FOLLOW_UP_COLUMNS = `n.id AS note_id, n.participant_id, n.follow_up_task AS task, n.follow_up_due AS due,
       o.display_name AS owner_name,
       (n.follow_up_owner = ? OR (ifnull(o.active, 0) = 0 AND p.responsible_caseworker_id = ?)) AS mine`;
const FOLLOW_UP_JOINS = `JOIN participants p ON p.id = n.participant_id LEFT JOIN users o ON o.id = n.follow_up_owner`;
const OPEN = `n.follow_up_task IS NOT NULL AND n.follow_up_done = 0`;

const toFollowUp = (r: FollowUpRow): OpenFollowUp => ({
  noteId: r.note_id,
  participantId: r.participant_id,
  task: r.task,
  due: r.due,
  ownerName: r.owner_name,
  mine: r.mine === 1,
});

/**
 * Open follow-ups due on or before `until`: the user's own first, then by due date, so the overdue come before the
 * due. At most `limit`, with the total.
 */
export function openFollowUps(
  db: Db,
  { userId, until, limit }: { userId: string; until: string; limit: number },
): { rows: OpenFollowUp[]; total: number } {
  const rows = all<FollowUpRow>(db, {
    text: `SELECT ${FOLLOW_UP_COLUMNS}
           FROM notes n INDEXED BY notes_open_follow_ups ${FOLLOW_UP_JOINS}
           WHERE ${OPEN} AND n.follow_up_due <= ?
           ORDER BY mine DESC, n.follow_up_due, n.seq
           LIMIT ?`,
    values: [userId, userId, until, limit],
  });
  const total =
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM notes INDEXED BY notes_open_follow_ups
          WHERE follow_up_task IS NOT NULL AND follow_up_done = 0 AND follow_up_due <= ${until}`,
    )?.n ?? 0;
  return { rows: rows.map(toFollowUp), total };
}

/** One participant's open follow-ups, whenever due, in the same order as openFollowUps; at most `limit`, with the total. */
export function openFollowUpsOf(
  db: Db,
  { userId, participantId, limit }: { userId: string; participantId: string; limit: number },
): { rows: OpenFollowUp[]; total: number } {
  const rows = all<FollowUpRow>(db, {
    text: `SELECT ${FOLLOW_UP_COLUMNS}
           FROM notes n ${FOLLOW_UP_JOINS}
           WHERE n.participant_id = ? AND ${OPEN}
           ORDER BY mine DESC, n.follow_up_due, n.seq`,
    values: [userId, userId, participantId],
  });
  return { rows: rows.slice(0, limit).map(toFollowUp), total: rows.length };
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
