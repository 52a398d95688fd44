import type { Draft, DraftFields } from '@shared/notes';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

interface DraftRow {
  id: string;
  participant_id: string;
  note_id: string | null;
  fields: string;
  updated_at: string;
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    participantId: row.participant_id,
    noteId: row.note_id,
    fields: JSON.parse(row.fields) as DraftFields,
    updatedAt: row.updated_at,
  };
}

/** Which draft: a user's, for a participant, of one note being edited or (noteId null) of a new note. */
export interface DraftKey {
  userId: string;
  participantId: string;
  noteId: string | null;
}

export function findDraft(db: Db, key: DraftKey): Draft | undefined {
  const row = get<DraftRow>(
    db,
    sql`SELECT * FROM note_drafts
        WHERE user_id = ${key.userId} AND participant_id = ${key.participantId} AND ifnull(note_id, '') = ${key.noteId ?? ''}`,
  );
  return row ? toDraft(row) : undefined;
}

/** Creates the draft for `key`, or replaces the fields of the one there is. */
export function writeDraft(db: Db, key: DraftKey, newId: string, fields: DraftFields, at: string): Draft {
  const existing = findDraft(db, key);
  if (existing) {
    run(db, sql`UPDATE note_drafts SET fields = ${JSON.stringify(fields)}, updated_at = ${at} WHERE id = ${existing.id}`);
  } else {
    run(
      db,
      sql`INSERT INTO note_drafts (id, user_id, participant_id, note_id, fields, created_at, updated_at)
          VALUES (${newId}, ${key.userId}, ${key.participantId}, ${key.noteId}, ${JSON.stringify(fields)}, ${at}, ${at})`,
    );
  }
  const saved = findDraft(db, key);
  if (!saved) throw new Error('draft vanished');
  return saved;
}

/** A user's drafts for a participant, the latest saved first. */
export function listDrafts(db: Db, userId: string, participantId: string): Draft[] {
  return all<DraftRow>(
    db,
    sql`SELECT * FROM note_drafts WHERE user_id = ${userId} AND participant_id = ${participantId}
        ORDER BY updated_at DESC, id`,
  ).map(toDraft);
}

/** Deletes one of the user's drafts; false if the user has no draft with this id. */
export function deleteOwnDraft(db: Db, userId: string, id: string): boolean {
  return run(db, sql`DELETE FROM note_drafts WHERE id = ${id} AND user_id = ${userId}`).changes > 0;
}

/** Deletes the draft for `key`, if there is one (the note it was for has been saved). */
export function deleteDraftFor(db: Db, key: DraftKey): void {
  run(
    db,
    sql`DELETE FROM note_drafts
        WHERE user_id = ${key.userId} AND participant_id = ${key.participantId} AND ifnull(note_id, '') = ${key.noteId ?? ''}`,
  );
}
