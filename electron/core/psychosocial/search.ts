import type { SearchHit } from '@shared/search';
import type { Db } from '../db/open';

/**
 * Placeholder, being written: psychosocial entries matching an FTS5 MATCH expression; private notes only
 * when `includePrivate` (psychologists).
 */
export function searchPsychosocial(_db: Db, _match: string, _options: { includePrivate: boolean; limit: number }): SearchHit[] {
  return [];
}
