/**
 * The private compartment of the psychosocial log: the only code that reads or writes psychologists' private
 * notes (psychosocial_private, its versions and its full-text index). Reading functions are called only on the
 * private path: by projection.ts once the reader's role holds `psychosocial.private`, and by search.ts when the
 * caller asks for private hits (psychologists only).
 */
import { stemsOf } from '@shared/search-stems';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

/**
 * Sets, replaces or (with null) removes an entry's private notes and their stem keys; the triggers keep the private
 * index in step.
 */
export function writePrivateNotes(db: Db, entryId: string, notes: string | null): void {
  if (notes === null) {
    run(db, sql`DELETE FROM psychosocial_private WHERE entry_id = ${entryId}`);
    return;
  }
  run(
    db,
    sql`INSERT INTO psychosocial_private (entry_id, notes, stems) VALUES (${entryId}, ${notes}, ${stemsOf(notes)})
        ON CONFLICT (entry_id) DO UPDATE SET notes = excluded.notes, stems = excluded.stems
        WHERE notes IS NOT excluded.notes`,
  );
}

/** Keeps the entry's current private notes (if any) as those of `version`, before an edit replaces them. */
export function keepPrivateVersion(db: Db, entryId: string, version: number): void {
  run(
    db,
    sql`INSERT INTO psychosocial_private_versions (entry_id, version, notes)
        SELECT entry_id, ${version}, notes FROM psychosocial_private WHERE entry_id = ${entryId}`,
  );
}

/** The current private notes of an entry, or null when it has none. */
export function privateNotesOf(db: Db, entryId: string): string | null {
  return get<{ notes: string }>(db, sql`SELECT notes FROM psychosocial_private WHERE entry_id = ${entryId}`)?.notes ?? null;
}

/** The current private notes of a participant's entries, by entry id (entries without any are absent). */
export function privateNotesOfParticipant(db: Db, participantId: string): Map<string, string> {
  const rows = all<{ entry_id: string; notes: string }>(
    db,
    sql`SELECT p.entry_id, p.notes FROM psychosocial_private p
        JOIN psychosocial_entries e ON e.id = p.entry_id
        WHERE e.participant_id = ${participantId}`,
  );
  return new Map(rows.map((row) => [row.entry_id, row.notes]));
}

/** The private notes of an entry's earlier versions, by version number (versions without any are absent). */
export function privateVersionNotes(db: Db, entryId: string): Map<number, string> {
  const rows = all<{ version: number; notes: string }>(
    db,
    sql`SELECT version, notes FROM psychosocial_private_versions WHERE entry_id = ${entryId}`,
  );
  return new Map(rows.map((row) => [row.version, row.notes]));
}

/** A private note matching a full-text search, with the entry it belongs to. */
export interface PrivateMatch {
  seq: number;
  id: string;
  participantId: string;
  pseudonym: string;
  date: string;
  snippet: string;
}

/**
 * Entries whose private notes match an FTS5 MATCH expression, newest first (by the meeting's day, then the entry
 * written later), at most `limit`, with a snippet marked by `start` / `end`.
 */
export function matchPrivateNotes(
  db: Db,
  match: string,
  { limit, start, end, words }: { limit: number; start: string; end: string; words: number },
): PrivateMatch[] {
  return all<PrivateMatch>(
    db,
    sql`SELECT e.seq, e.id, e.participant_id AS participantId, p.pseudonym, e.date,
               snippet(psychosocial_private_fts, 0, ${start}, ${end}, '…', ${words}) AS snippet
        FROM psychosocial_private_fts f
        JOIN psychosocial_private n ON n.seq = f.rowid
        JOIN psychosocial_entries e ON e.id = n.entry_id
        JOIN participants p ON p.id = e.participant_id
        WHERE psychosocial_private_fts MATCH ${match}
        ORDER BY e.date DESC, e.seq DESC LIMIT ${limit}`,
  );
}
