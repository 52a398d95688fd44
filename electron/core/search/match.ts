/**
 * Turns what a user types into a safe FTS5 MATCH expression. Nothing the user types is ever read as FTS5
 * syntax: every word becomes a quoted string (operators such as AND, OR, NOT, NEAR, and characters such as
 * `*`, `^`, `:`, `(`, `"` are plain text), and the words are combined with AND (written out: FTS5 does not join bracketed groups implicitly). A word is found in the
 * text as typed (folded, the last one as a prefix), or by one of its stem keys in the index's `stems` column
 * (shared/search-stems.ts), so that an inflected form of it is found too.
 */
import { stemKeys } from '@shared/search-stems';

/** The column of stem keys in every searched index (migration 0012). */
export const STEMS_COLUMN = 'stems';

/** More words than this narrow a search no further in practice; the rest are left out. */
export const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 64;
/**
 * The last word is matched as a prefix while the user is still typing it, but only from this length on: a
 * one-letter prefix matches most of the index and answers nothing useful.
 */
export const MIN_PREFIX_LENGTH = 2;

/** Characters the index tokenizer (unicode61) keeps in words: letters, numbers, marks and private-use. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}\p{Co}]/u;
/** The word the user is typing: the word characters at the very end of the query. */
const TRAILING_WORD = /[\p{L}\p{N}\p{M}\p{Co}]+$/u;

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The words searched for, and whether the last is matched as a prefix (see toMatchExpression). */
function queryTerms(query: string): { terms: string[]; prefix: boolean } {
  // Control characters separate words (a NUL would end the expression early); lone surrogates are dropped.
  const normalized = query
    .replace(/\p{Cs}/gu, '')
    .replace(/\p{Cc}/gu, ' ')
    .normalize('NFC');
  const words = normalized.split(/\s+/u).filter((chunk) => WORD_CHARACTER.test(chunk));
  const terms = words.slice(0, MAX_TERMS).map((word) => [...word].slice(0, MAX_TERM_LENGTH).join(''));
  const typing = normalized.match(TRAILING_WORD)?.[0] ?? '';
  const lastIsWhole = words.length === terms.length && terms.at(-1) === words.at(-1);
  return { terms, prefix: lastIsWhole && [...typing].length >= MIN_PREFIX_LENGTH };
}

/** Every stem key of the words searched for: a word of a hit having one of them was found by its stem. */
export function queryStemKeys(query: string): Set<string> {
  return new Set(queryTerms(query).terms.flatMap((term) => stemKeys(term)));
}

/**
 * The MATCH expression for a typed query, or null when there is nothing to search for (empty, or only
 * punctuation). Each whitespace-separated word is quoted as a phrase, so "e-mail" still finds "e-mail". The last
 * word is matched as a prefix while it is still being typed: the query ends in a letter or digit, not in a space
 * or punctuation, and the word has at least MIN_PREFIX_LENGTH characters.
 */
export function toMatchExpression(query: string): string | null {
  const { terms, prefix } = queryTerms(query);
  if (terms.length === 0) return null;
  return terms
    .map((term, i) => {
      const typed = prefix && i === terms.length - 1 ? `${quote(term)}*` : quote(term);
      const keys = stemKeys(term);
      return keys.length === 0
        ? `-{${STEMS_COLUMN}} : ${typed}`
        : `(-{${STEMS_COLUMN}} : ${typed} OR {${STEMS_COLUMN}} : (${keys.map(quote).join(' OR ')}))`;
    })
    .join(' AND ');
}
