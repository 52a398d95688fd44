import { MATCH_END, MATCH_START, type SearchHit } from '@shared/search';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import { matchPrivateNotes } from './private';

/** How many words around the matches a snippet shows (as for notes). */
const SNIPPET_WORDS = 16;

interface Match {
  seq: number;
  id: string;
  participantId: string;
  pseudonym: string;
  date: string;
  snippet: string;
}

function matchSummaries(db: Db, match: string, limit: number): Match[] {
  return all<Match>(
    db,
    sql`SELECT e.seq, e.id, e.participant_id AS participantId, p.pseudonym, e.date,
               snippet(psychosocial_summary_fts, 0, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS snippet
        FROM psychosocial_summary_fts f
        JOIN psychosocial_entries e ON e.seq = f.rowid
        JOIN participants p ON p.id = e.participant_id
        WHERE psychosocial_summary_fts MATCH ${match}
        ORDER BY e.date DESC, e.seq DESC LIMIT ${limit}`,
  );
}

const newerFirst = (a: Match, b: Match) => (a.date === b.date ? b.seq - a.seq : a.date < b.date ? 1 : -1);

const hit =
  (field: 'summary' | 'private') =>
  (match: Match): SearchHit & { seq: number } => ({
    kind: 'psychosocial',
    id: match.id,
    participantId: match.participantId,
    pseudonym: match.pseudonym,
    // Named by the search handler, which knows what the reader may see.
    displayName: null,
    date: match.date,
    field,
    snippet: match.snippet,
    seq: match.seq,
  });

/**
 * Psychosocial entries matching an FTS5 MATCH expression (built by search/match.ts, never raw user text), newest
 * first, at most `limit`: hits in shareable summaries, and — only when `includePrivate` (psychologists) — hits in
 * private notes, each marked with the field it matched. The private index is not queried at all otherwise. The
 * log holds a psychologist's meetings, far fewer than guidance notes, so sorting the matches is cheap.
 */
export function searchPsychosocial(db: Db, match: string, options: { includePrivate: boolean; limit: number }): SearchHit[] {
  const { includePrivate, limit } = options;
  const summaries = matchSummaries(db, match, limit).map(hit('summary'));
  const privates = includePrivate
    ? matchPrivateNotes(db, match, { limit, start: MATCH_START, end: MATCH_END, words: SNIPPET_WORDS }).map(hit('private'))
    : [];
  return [...summaries, ...privates]
    .sort(newerFirst)
    .slice(0, limit)
    .map(({ seq: _seq, ...searchHit }) => searchHit);
}
