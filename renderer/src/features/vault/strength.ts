/**
 * A local passphrase strength estimate for the meter. It guides people towards long passphrases of
 * several words; the main side enforces its own floor. Nothing leaves this function.
 */
import { PASSPHRASE_MIN_LENGTH } from '@shared/vault';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export const STRENGTH_HINTS = [
  'tooShort',
  'common',
  'containsName',
  'repeats',
  'sequence',
  'keyboard',
  'variety',
  'longer',
] as const;
export type StrengthHint = (typeof STRENGTH_HINTS)[number];

export interface Strength {
  score: StrengthScore;
  /** Advice, most important first; each is an i18n key under `strength.hints.`. */
  hints: StrengthHint[];
}

/** Passwords people pick first, in the three UI languages; matched inside a passphrase too. */
const COMMON = [
  'password passw0rd passwort salasana salasanani lösenord losenord lösen admin administrator welcome',
  'tervetuloa välkommen valkommen letmein iloveyou rakastan minä jagälskar qwerty monkey dragon',
  'football baseball sunshine princess master hello hei hej moi freedom whatever trustno1 starwars',
  'secret salainen hemlig hemligt summer winter kesä talvi sommar vinter kevät syksy polku suomi',
  'finland sverige sweden helsinki tampere turku oulu espoo stockholm göteborg kissa koira katt hund',
  'perkele testi test default changeme vaihda abc123 asdf login user käyttäjä',
]
  .join(' ')
  .split(' ');
const COMMON_SET = new Set(COMMON);
/** Rows and columns of Nordic and US keyboards; a run along one of them is a keyboard walk. */
const KEYBOARD_LINES = [
  '§1234567890+´',
  '`1234567890-=',
  'qwertyuiopå¨',
  'qwertyuiop[]',
  "asdfghjklöä'",
  "asdfghjkl;'",
  'zxcvbnm,.-',
  'zxcvbnm,./',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0pö-',
  'qazwsxedcrfvtgbyhnujmik,ol.',
];
const MIN_WALK = 4;
const MIN_SEQUENCE = 3;
const MIN_REPEAT = 3;
const MIN_WORD = 4;
/**
 * A whole word costs an attacker at most this much: about the size of a vocabulary with its inflected
 * forms (2^16). Without it, "kimalainen lyhty" would count as 16 random letters.
 */
const WORD_BITS = 16;
/** Patterns longer than this are not searched for: keeps the meter instant on every keystroke. */
const MAX_PATTERN = 24;

interface Piece {
  length: number;
  bits: number;
  hint?: StrengthHint;
}

/** Estimates how hard a passphrase is to guess; `avoid` holds words the person is known by (their name). */
export function estimateStrength(passphrase: string, avoid: readonly string[] = []): Strength {
  const text = [...passphrase.normalize('NFC')];
  if (text.length === 0) return { score: 0, hints: [] };
  const lower = text.map((c) => c.toLocaleLowerCase());
  const hints = new Set<StrengthHint>();
  if (text.length < PASSPHRASE_MIN_LENGTH) hints.add('tooShort');

  const whole = lower.join('');
  const stripped = whole.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  if (COMMON_SET.has(whole) || COMMON_SET.has(stripped)) return { score: 0, hints: [...hints, 'common'] };

  const names = avoid.flatMap((n) => n.toLocaleLowerCase().split(/\s+/u)).filter((n) => [...n].length >= 3);
  const perCharacter = Math.log2(characterPool(text));
  let bits = 0;
  for (let i = 0; i < lower.length; ) {
    const piece = bestPiece(lower, i, perCharacter, names);
    bits += piece.bits;
    if (piece.hint) hints.add(piece.hint);
    i += piece.length;
  }
  if (classCount(text) === 1 && text.length < 20) hints.add('variety');

  let score = scoreFor(bits);
  if (text.length < PASSPHRASE_MIN_LENGTH) score = Math.min(score, 1) as StrengthScore;
  if (score < 3) hints.add('longer');
  return { score, hints: STRENGTH_HINTS.filter((h) => hints.has(h)) };
}

function scoreFor(bits: number): StrengthScore {
  if (bits < 28) return 0;
  if (bits < 40) return 1;
  if (bits < 56) return 2;
  if (bits < 72) return 3;
  return 4;
}

/** The cheapest way an attacker would describe the text starting at `i`: the longest pattern wins. */
function bestPiece(chars: string[], i: number, perCharacter: number, names: string[]): Piece {
  const candidates: Piece[] = [{ length: 1, bits: perCharacter }];
  const known = longestWord(chars, i, names);
  if (known) candidates.push(known);
  const repeat = runLength(chars, i, (a, b) => a === b);
  if (repeat >= MIN_REPEAT) candidates.push({ length: repeat, bits: perCharacter + Math.log2(repeat), hint: 'repeats' });
  const sequence = Math.max(
    runLength(chars, i, (a, b) => step(a, b) === 1),
    runLength(chars, i, (a, b) => step(a, b) === -1),
  );
  if (sequence >= MIN_SEQUENCE)
    candidates.push({ length: sequence, bits: perCharacter + Math.log2(sequence) + 1, hint: 'sequence' });
  const walk = longestWalk(chars, i);
  if (walk >= MIN_WALK) candidates.push({ length: walk, bits: 6 + Math.log2(walk), hint: 'keyboard' });
  const word = wordAt(chars, i);
  if (word >= MIN_WORD - 1) candidates.push({ length: word, bits: Math.min(word * perCharacter, WORD_BITS) });
  const echo = repeatedChunk(chars, i);
  if (echo > 0) candidates.push({ length: echo, bits: Math.log2(echo) + 1, hint: 'repeats' });
  // Prefer the piece that explains the most characters per bit spent.
  return candidates.reduce((best, c) => (c.length / Math.max(c.bits, 1) > best.length / Math.max(best.bits, 1) ? c : best));
}

function longestWord(chars: string[], i: number, names: string[]): Piece | null {
  let found: Piece | null = null;
  for (let end = Math.min(chars.length, i + MAX_PATTERN); end - i >= MIN_WORD - 1; end--) {
    const slice = chars.slice(i, end).join('');
    if (names.includes(slice)) return { length: end - i, bits: 4, hint: 'containsName' };
    if (end - i >= MIN_WORD && COMMON_SET.has(slice)) {
      found ??= { length: end - i, bits: Math.log2(COMMON.length), hint: 'common' };
    }
  }
  return found;
}

/** The length of the run of letters starting at `i`, if a word starts there (0 otherwise). */
function wordAt(chars: string[], i: number): number {
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  if (!isLetter(chars[i]) || isLetter(chars[i - 1])) return 0;
  let n = 0;
  while (isLetter(chars[i + n])) n++;
  return n;
}

function runLength(chars: string[], i: number, follows: (previous: string, next: string) => boolean): number {
  let n = 1;
  while (i + n < chars.length && follows(chars[i + n - 1] ?? '', chars[i + n] ?? '')) n++;
  return n;
}

function step(a: string, b: string): number {
  return (b.codePointAt(0) ?? 0) - (a.codePointAt(0) ?? 0);
}

function longestWalk(chars: string[], i: number): number {
  let best = 0;
  for (const line of KEYBOARD_LINES) {
    for (const direction of [line, [...line].reverse().join('')]) {
      let n = 0;
      while (i + n < chars.length && direction.includes(chars.slice(i, i + n + 1).join(''))) n++;
      best = Math.max(best, n);
    }
  }
  return best;
}

/** Length of text at `i` that repeats the chunk just before it ("abcabc" -> the second "abc"). */
function repeatedChunk(chars: string[], i: number): number {
  for (let size = Math.min(i, MAX_PATTERN); size >= 2; size--) {
    const chunk = chars.slice(i - size, i).join('');
    let n = 0;
    while (chars.slice(i + n, i + n + size).join('') === chunk) n += size;
    if (n > 0) return n;
  }
  return 0;
}

function characterPool(chars: string[]): number {
  let pool = 0;
  if (chars.some((c) => /\p{Ll}/u.test(c))) pool += 29;
  if (chars.some((c) => /\p{Lu}/u.test(c))) pool += 29;
  if (chars.some((c) => /\p{Nd}/u.test(c))) pool += 10;
  if (chars.some((c) => c === ' ')) pool += 1;
  if (chars.some((c) => /[^\p{L}\p{Nd} ]/u.test(c))) pool += 33;
  if (chars.some((c) => /\p{Lo}/u.test(c))) pool += 100;
  return Math.max(pool, 2);
}

function classCount(chars: string[]): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];
  return classes.filter((re) => chars.some((c) => re.test(c))).length;
}
