import { SEARCH_LIMIT } from '@shared/search';
import { roleHolds } from '@shared/roles';
import type { SearchHit } from '@shared/search';
import type { Role } from '@shared/roles';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { searchNotes } from '../notes/search';
import { participantNamer } from '../participants/names';
import { participantViewOf } from '../participants/projection';
import { searchPsychosocial } from '../psychosocial/search';
import { stemMarker } from './mark-stems';
import { queryStemKeys, toMatchExpression } from './match';

/** Hits of several kinds, each list newest first, as one list newest first (stable: notes before entries of a day). */
export function newestFirst(lists: readonly SearchHit[][], limit: number): SearchHit[] {
  return lists
    .flat()
    .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1))
    .slice(0, limit);
}

/**
 * The hits with their participant's name where `role` may see names (the whole record, as participants.list decides
 * in participants/projection.ts); the hits unchanged otherwise. Each participant is looked up once.
 */
export function withNames(db: Db, role: Role, hits: readonly SearchHit[]): SearchHit[] {
  if (participantViewOf(role) !== 'full') return [...hits];
  const nameOf = participantNamer(db, role);
  const displayName = (participantId: string) => {
    const named = nameOf(participantId);
    return named && named.displayName !== named.pseudonym ? named.displayName : null;
  };
  return hits.map((hit) => ({ ...hit, displayName: displayName(hit.participantId) }));
}

/**
 * Full-text search over what the reader may read: guidance notes, and psychosocial entries (private notes for
 * psychologists only, decided in the psychosocial domain). A word is found as typed or by its stem (match.ts), and
 * the snippets mark both. Audited as a search without its query, which may hold a name; a query with nothing to
 * search for is not run and not recorded.
 */
export const searchHandlers = {
  'search.notes': {
    kind: 'tx',
    run: (input, { db, session }) => {
      const match = toMatchExpression(input.query);
      if (match === null) return { hits: [] };
      const limit = input.limit ?? SEARCH_LIMIT.default;
      const notes = searchNotes(db, match, limit);
      const entries = roleHolds(session.role, 'psychosocial.read')
        ? searchPsychosocial(db, match, { includePrivate: roleHolds(session.role, 'psychosocial.private'), limit })
        : [];
      const mark = stemMarker(queryStemKeys(input.query));
      const hits = newestFirst([notes, entries], limit).map((hit) => ({ ...hit, snippet: mark(hit.snippet) }));
      return { hits: withNames(db, session.role, hits) };
    },
    audit: (input, output) =>
      toMatchExpression(input.query) === null ? null : { action: 'search.notes', detail: `hits:${output.hits.length}` },
  },
} satisfies HandlerGroup;
