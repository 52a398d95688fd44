import { dayNumberOfDay } from '@shared/days';
import type { Note, NoteTopic, NoteType, NoteVersion } from '@shared/notes';
import { stemsOf } from '@shared/search-stems';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { authorshipOf, type AuthorshipRow } from '../db/authorship';

/** What a caseworker writes in a note: the fields every version has. */
export interface NoteContent {
  date: string;
  type: NoteType;
  topics: NoteTopic[];
  tags: string[];
  text: string;
  followUp: { task: string; due: string; done: boolean; owner: string | null } | null;
}

/** A note's content as read: the follow-up also names its owner. */
type ReadContent = Omit<NoteContent, 'followUp'> & { followUp: Note['followUp'] };

interface ContentRow {
  date: string;
  type: NoteType;
  topics: string;
  tags: string;
  text: string;
  follow_up_task: string | null;
  follow_up_due: string | null;
  follow_up_done: number;
  follow_up_owner: string | null;
  follow_up_owner_name: string | null;
}

interface NoteRow extends ContentRow, AuthorshipRow {
  id: string;
  participant_id: string;
  version: number;
}

interface VersionRow extends ContentRow {
  version: number;
  saved_at: string;
  saved_by: string;
  saved_by_name: string | null;
}

const SEQ_RANGE = 2 ** 32;

/**
 * The full-text index's rowid for a note: its date's day number above its sequence number, so that rowid order
 * is date order (then writing order within a day). Dates are YYYY-MM-DD from the schema.
 */
export function searchKey(date: string, seq: number): number {
  return dayNumberOfDay(date) * SEQ_RANGE + seq;
}

function contentOf(row: ContentRow): ReadContent {
  return {
    date: row.date,
    type: row.type,
    topics: JSON.parse(row.topics) as NoteTopic[],
    tags: JSON.parse(row.tags) as string[],
    text: row.text,
    followUp:
      row.follow_up_task !== null && row.follow_up_due !== null
        ? {
            task: row.follow_up_task,
            due: row.follow_up_due,
            done: row.follow_up_done === 1,
            owner: row.follow_up_owner,
            ownerName: row.follow_up_owner_name,
          }
        : null,
  };
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    participantId: row.participant_id,
    ...contentOf(row),
    version: row.version,
    ...authorshipOf(row),
  };
}

function toVersion(row: VersionRow): NoteVersion {
  return {
    version: row.version,
    ...contentOf(row),
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    savedByName: row.saved_by_name,
  };
}

export interface NewNote {
  id: string;
  participantId: string;
  content: NoteContent;
  at: string;
  by: string;
}

/** Inserts a note as version 1, with the stem keys of its text; the trigger adds both to the full-text index. */
export function insertNote(db: Db, { id, participantId, content, at, by }: NewNote): void {
  const seq = get<{ n: number }>(db, sql`SELECT ifnull(max(seq), 0) + 1 AS n FROM notes`)?.n ?? 1;
  const f = content.followUp;
  run(
    db,
    sql`INSERT INTO notes (seq, id, participant_id, search_key, date, type, topics, tags, text, stems,
                           follow_up_task, follow_up_due, follow_up_done, follow_up_owner, version, created_at, created_by,
                           updated_at, updated_by)
        VALUES (${seq}, ${id}, ${participantId}, ${searchKey(content.date, seq)}, ${content.date}, ${content.type},
                ${JSON.stringify(content.topics)}, ${JSON.stringify(content.tags)}, ${content.text}, ${stemsOf(content.text)},
                ${f?.task ?? null}, ${f?.due ?? null}, ${f?.done ? 1 : 0}, ${f?.owner ?? null}, 1, ${at}, ${by}, ${at}, ${by})`,
  );
}

/**
 * Replaces a note's content as a new version: the row it replaces is first copied to note_versions, with who
 * saved it and when. The trigger re-indexes the text and its stem keys.
 */
export function replaceNoteContent(db: Db, id: string, content: NoteContent, at: string, by: string): void {
  run(
    db,
    sql`INSERT INTO note_versions (note_id, version, date, type, topics, tags, text, follow_up_task, follow_up_due,
                                   follow_up_done, follow_up_owner, saved_at, saved_by)
        SELECT id, version, date, type, topics, tags, text, follow_up_task, follow_up_due, follow_up_done,
               follow_up_owner, updated_at, updated_by
        FROM notes WHERE id = ${id}`,
  );
  const f = content.followUp;
  run(
    db,
    sql`UPDATE notes SET
          search_key = ${dayNumberOfDay(content.date) * SEQ_RANGE} + seq,
          date = ${content.date}, type = ${content.type}, topics = ${JSON.stringify(content.topics)},
          tags = ${JSON.stringify(content.tags)}, text = ${content.text}, stems = ${stemsOf(content.text)},
          follow_up_task = ${f?.task ?? null}, follow_up_due = ${f?.due ?? null}, follow_up_done = ${f?.done ? 1 : 0},
          follow_up_owner = ${f?.owner ?? null}, version = version + 1, updated_at = ${at}, updated_by = ${by}
        WHERE id = ${id}`,
  );
}

export function findNote(db: Db, id: string): Note | undefined {
  const row = get<NoteRow>(
    db,
    sql`SELECT n.*, c.display_name AS created_by_name, u.display_name AS updated_by_name,
               o.display_name AS follow_up_owner_name
        FROM notes n LEFT JOIN users c ON c.id = n.created_by LEFT JOIN users u ON u.id = n.updated_by
        LEFT JOIN users o ON o.id = n.follow_up_owner
        WHERE n.id = ${id}`,
  );
  return row ? toNote(row) : undefined;
}

/** A participant's notes, newest first: by date, then the one written later first. */
export function listNotes(db: Db, participantId: string): Note[] {
  return all<NoteRow>(
    db,
    sql`SELECT n.*, c.display_name AS created_by_name, u.display_name AS updated_by_name,
               o.display_name AS follow_up_owner_name
        FROM notes n LEFT JOIN users c ON c.id = n.created_by LEFT JOIN users u ON u.id = n.updated_by
        LEFT JOIN users o ON o.id = n.follow_up_owner
        WHERE n.participant_id = ${participantId} ORDER BY n.date DESC, n.seq DESC`,
  ).map(toNote);
}

/** Every version of a note, the current one first. */
export function listVersions(db: Db, id: string): NoteVersion[] {
  const current = get<VersionRow>(
    db,
    sql`SELECT n.*, n.updated_at AS saved_at, n.updated_by AS saved_by, u.display_name AS saved_by_name,
               o.display_name AS follow_up_owner_name
        FROM notes n LEFT JOIN users u ON u.id = n.updated_by LEFT JOIN users o ON o.id = n.follow_up_owner
        WHERE n.id = ${id}`,
  );
  if (!current) return [];
  const earlier = all<VersionRow>(
    db,
    sql`SELECT v.*, u.display_name AS saved_by_name, o.display_name AS follow_up_owner_name
        FROM note_versions v LEFT JOIN users u ON u.id = v.saved_by LEFT JOIN users o ON o.id = v.follow_up_owner
        WHERE v.note_id = ${id} ORDER BY v.version DESC`,
  );
  return [current, ...earlier].map(toVersion);
}

/** The first characters of a participant's notes, newest first, for the timeline (all) and the overview (the latest). */
export function notePreviews(
  db: Db,
  participantId: string,
  length: number,
  limit = -1,
): { id: string; date: string; type: NoteType; author: string | null; preview: string }[] {
  return all<{ id: string; date: string; type: NoteType; author: string | null; preview: string }>(
    db,
    sql`SELECT n.id, n.date, n.type, u.display_name AS author, substr(n.text, 1, ${length}) AS preview
        FROM notes n LEFT JOIN users u ON u.id = n.created_by
        WHERE n.participant_id = ${participantId} ORDER BY n.date DESC, n.seq DESC LIMIT ${limit}`,
  );
}

/** Whether `userId` may own a follow-up: an active account whose role writes notes. */
export function canOwnFollowUp(db: Db, userId: string, roles: readonly string[]): boolean {
  return (
    get(
      db,
      sql`SELECT 1 FROM users WHERE id = ${userId} AND active = 1 AND role IN (SELECT value FROM json_each(${JSON.stringify(roles)}))`,
    ) !== undefined
  );
}
