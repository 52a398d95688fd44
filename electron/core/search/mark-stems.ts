import { MATCH_END, MATCH_START } from '@shared/search';
import { stemKeys } from '@shared/search-stems';

/** A marked stretch of a snippet (kept whole when the snippet is split). */
const MARKED = new RegExp(`(${MATCH_START}[^${MATCH_END}]*${MATCH_END})`, 'u');
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word's first letter as stem keys begin: folded like the index folds it. */
const firstLetter = (word: string) => (word[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A snippet with the words marked that were found by their stem: the index marks only words found as typed, so a
 * note found by "tulkki" alone would show "tulkin" unmarked. Words already marked stay as they are. Stemming costs
 * tens of microseconds a word, so only words that begin as a key begins are stemmed, each once a search.
 */
export function stemMarker(keys: ReadonlySet<string>): (snippet: string) => string {
  const letters = new Set([...keys].map(firstLetter));
  const known = new Map<string, boolean>();
  const found = (word: string) => {
    if (!letters.has(firstLetter(word))) return false;
    let hit = known.get(word);
    if (hit === undefined) {
      hit = stemKeys(word).some((key) => keys.has(key));
      known.set(word, hit);
    }
    return hit;
  };
  return (snippet) =>
    keys.size === 0
      ? snippet
      : snippet
          .split(MARKED)
          .map((piece) =>
            piece.startsWith(MATCH_START)
              ? piece
              : piece.replace(WORD, (word) => (found(word) ? `${MATCH_START}${word}${MATCH_END}` : word)),
          )
          .join('');
}
