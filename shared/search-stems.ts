/**
 * The stem keys that let note search find inflected words: "tulkki" finds "tulkin", "arbetsavtal" finds
 * "arbetsavtalet", "contract" finds "contracts". Notes are not tagged by language, so every word gets the Snowball
 * stems of Finnish, Swedish and English, each also in a coarser form that lets Finnish stems meet where Snowball
 * leaves them apart (consonant gradation: palkka / palkan, asunto / asunnon, lupa / luvan; -us / -uksen; a final
 * vowel or -n the stemmer keeps in one form and not in another). The same keys are made of the indexed text and of
 * each searched word, and a word is found when one key of each is the same, matched whole: a key is never a
 * prefix, so "tuli" does not find "tulkki".
 *
 * The keys are written beside the text in the full-text indexes (migration 0012): they are derived from the
 * personal text, live in the encrypted database only and are deleted with their row.
 */
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as swedish } from '@orama/stemmers/swedish';

/** A stem shorter than this would join unrelated words. */
const MIN_KEY_LENGTH = 3;
/** Coarse keys lose letters, so they need one more to stay apart: "pääsy" and "passi" are both "pas" coarsely. */
const MIN_COARSE_LENGTH = 4;
/** Words longer than this are not natural language (codes, links); they are found by the text index alone. */
const MAX_WORD_LENGTH = 40;
/** Words as the index tokenizer (unicode61) splits them: letters, numbers, marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Case and accents folded as the index folds them (unicode61 remove_diacritics 2). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Finnish consonant gradation in the last syllable, the strong grade mapped to the weak one: asunto / asunnon,
 * lupa / luvan, katu / kadun, kenkä / kengän (before doubled letters are made single, so that tulkki is not tuli).
 */
const GRADATION: readonly [RegExp, string][] = [
  [/nt(?=[aeiouy]?$)/u, 'n'],
  [/lt(?=[aeiouy]?$)/u, 'l'],
  [/rt(?=[aeiouy]?$)/u, 'r'],
  [/mp(?=[aeiouy]?$)/u, 'm'],
  [/nk(?=[aeiouy]?$)/u, 'ng'],
  [/([aeiouyh])p(?=[aeiouy]?$)/u, '$1v'],
  [/([aeiouyh])t(?=[aeiouy]?$)/u, '$1d'],
];

/**
 * Finnish word types whose stem changes shape before an ending, as the inflected stem: ihminen / ihmisen,
 * käsi / käden, puhelin / puhelimen. Applied to the whole word, so a form that only looks like one adds a key that
 * nothing else has.
 */
const STEM_CHANGES: readonly [RegExp, string][] = [
  [/nen$/u, 'sen'],
  [/([aeiouyäö])si$/u, '$1den'],
  [/in$/u, 'imen'],
];

/**
 * The coarse form of a stem: gradation to the weak grade, doubled letters single, -uks/-us to -u, and then a
 * final -n and final vowels dropped, never below MIN_COARSE_LENGTH.
 */
function coarse(stem: string): string {
  let key = stem;
  for (const [strong, weak] of GRADATION) key = key.replace(strong, weak);
  key = key.replace(/(.)\1+/gu, '$1');
  key = key.replace(/uk?s$/u, 'u');
  const trimmed = key.replace(/n$/u, '').replace(/[aeiouy]+$/u, '');
  return trimmed.length >= MIN_COARSE_LENGTH ? trimmed : key;
}

/** The stem keys of one word, already folded; none for a word too short or too long to inflect, or not all letters. */
export function stemKeys(word: string): string[] {
  const lower = word.normalize('NFC').toLowerCase();
  const length = [...lower].length;
  if (length < MIN_KEY_LENGTH || length > MAX_WORD_LENGTH || !/^[\p{L}\p{M}]+$/u.test(lower)) return [];
  const keys = new Set<string>();
  const changed = STEM_CHANGES.filter(([pattern]) => pattern.test(lower)).map(([pattern, to]) =>
    finnish(lower.replace(pattern, to)),
  );
  for (const stem of [finnish(lower), swedish(lower), english(lower), ...changed]) {
    const folded = fold(stem);
    if (folded.length >= MIN_KEY_LENGTH) keys.add(folded);
    const rough = coarse(folded);
    if (rough.length >= MIN_COARSE_LENGTH) keys.add(rough);
  }
  return [...keys];
}

/** The stem keys of a text, each once, space-separated, as written to the index's stems column. */
export function stemsOf(text: string | null): string | null {
  if (text === null) return null;
  const keys = new Set<string>();
  for (const [word] of text.matchAll(WORD)) for (const key of stemKeys(word)) keys.add(key);
  return [...keys].join(' ');
}
