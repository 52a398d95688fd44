/** Full-text search over the notes a reader may read: the hit shape shared by every searched domain. */
import { z } from 'zod';

/** Marks a matched term in a snippet (private-use characters, never typed by people); the UI highlights between them. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export const searchHit = z.object({
  /** Which record: a guidance note or a psychosocial log entry. */
  kind: z.enum(['note', 'psychosocial']),
  id: z.string(),
  participantId: z.string(),
  pseudonym: z.string(),
  /** The entry's date (YYYY-MM-DD). */
  date: z.string(),
  /** Which text matched: a note's text, a psychosocial entry's shareable summary or its private notes. */
  field: z.enum(['text', 'summary', 'private']),
  /** A short excerpt with MATCH_START / MATCH_END around matched terms. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;
