/** Full-text search over the notes a reader may read, and the hit shape shared by every searched domain. */
import { z } from 'zod';
import { channel } from './channel';
import { rawLine } from './text-fields';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT = { default: 50, max: 200 } as const;

/** Marks a matched term in a snippet (private-use characters, never typed by people); the UI highlights between them. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export const searchHit = z.object({
  /** Which record: a guidance note or a psychosocial log entry. */
  kind: z.enum(['note', 'psychosocial']),
  id: z.string(),
  participantId: z.string(),
  pseudonym: z.string(),
  /**
   * The participant's name, for a reader whose role may see names (as participants.list shows them); null for any
   * other reader, and when the record holds no name.
   */
  displayName: z.string().nullable(),
  /** The entry's date (YYYY-MM-DD). */
  date: z.string(),
  /** Which text matched: a note's text, a psychosocial entry's shareable summary or its private notes. */
  field: z.enum(['text', 'summary', 'private']),
  /** A short excerpt with MATCH_START / MATCH_END around matched terms. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchNotesInput = z
  .object({
    /** As typed; turned into a safe search on the main side (quotes, operators and the like are plain text). */
    query: rawLine(SEARCH_QUERY_MAX),
    limit: z.number().int().min(1).max(SEARCH_LIMIT.max).optional(),
  })
  .strict();

export const searchChannels = {
  /**
   * Full-text search over guidance notes and the psychosocial log entries the reader may see, newest first.
   * An empty query (or one of punctuation only) finds nothing. Audited without the query.
   */
  'search.notes': channel('notes.read', searchNotesInput, z.object({ hits: z.array(searchHit) })),
} as const;
