import { MATCH_END, MATCH_START, type SearchHit } from '@shared/search';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';

/** How many words around the matches a snippet shows. */
const SNIPPET_WORDS = 16;

/**
 * Guidance notes whose text matches an FTS5 MATCH expression (built by search/match.ts, never raw user text),
 * newest first, at most `limit`. The index's rowid is the note's date followed by its sequence number
 * (migration 0005), so the index is walked backwards and stops after `limit` matches: a word found in most notes
 * costs no more than a rare one, and no match is sorted. Snippets are made for the returned rows only.
 */
export function searchNotes(db: Db, match: string, limit: number): SearchHit[] {
  const rows = all<{ id: string; participant_id: string; pseudonym: string; date: string; snippet: string }>(
    db,
    sql`SELECT n.id, n.participant_id, p.pseudonym, n.date, m.snippet
        FROM (SELECT rowid AS search_key,
                     snippet(notes_fts, 0, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS snippet
              FROM notes_fts WHERE notes_fts MATCH ${match}
              ORDER BY rowid DESC LIMIT ${limit}) m
        JOIN notes n ON n.search_key = m.search_key
        JOIN participants p ON p.id = n.participant_id
        ORDER BY m.search_key DESC`,
  );
  return rows.map((row) => ({
    kind: 'note',
    id: row.id,
    participantId: row.participant_id,
    pseudonym: row.pseudonym,
    // Named by the search handler, which knows what the reader may see.
    displayName: null,
    date: row.date,
    field: 'text',
    snippet: row.snippet,
  }));
}
