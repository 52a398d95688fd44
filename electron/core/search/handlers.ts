import { SEARCH_LIMIT } from '@shared/search';
import { roleHolds } from '@shared/roles';
import type { SearchHit } from '@shared/search';
import type { HandlerGroup } from '../handler';
import { searchNotes } from '../notes/search';
import { searchPsychosocial } from '../psychosocial/search';
import { toMatchExpression } from './match';

/** Hits of several kinds, each list newest first, as one list newest first (stable: notes before entries of a day). */
export function newestFirst(lists: readonly SearchHit[][], limit: number): SearchHit[] {
  return lists
    .flat()
    .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1))
    .slice(0, limit);
}

/**
 * Full-text search over what the reader may read: guidance notes, and psychosocial entries (private notes for
 * psychologists only, decided in the psychosocial domain). Audited as a search without its query, which may hold
 * a name; a query with nothing to search for is not run and not recorded.
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
      return { hits: newestFirst([notes, entries], limit) };
    },
    audit: (input, output) =>
      toMatchExpression(input.query) === null ? null : { action: 'search.notes', detail: `hits:${output.hits.length}` },
  },
} satisfies HandlerGroup;
