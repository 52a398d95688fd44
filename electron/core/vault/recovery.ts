import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code copied by hand from paper cannot be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 30;
const GROUP_LENGTH = 5;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{30}$/;

/** A new recovery code: 150 random bits as 30 Crockford base32 characters, shown as six groups of five. */
export function generateRecoveryCode(): string {
  return randomCrockford(CODE_LENGTH, GROUP_LENGTH);
}

/**
 * A one-time passphrase the coordinator hands to a colleague: 80 random bits as four groups of four
 * Crockford base32 characters, easy to read aloud and to type once before choosing one's own.
 */
export function generateOneTimePassphrase(): string {
  return randomCrockford(16, 4);
}

function randomCrockford(length: number, groupLength: number): string {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  const characters = [...randomBytes(length)].map((byte) => ALPHABET[byte & 31]).join('');
  const groups: string[] = [];
  for (let start = 0; start < length; start += groupLength) groups.push(characters.slice(start, start + groupLength));
  return groups.join('-');
}

/**
 * The bytes a recovery code is derived from, whatever way it was typed: spaces and dashes ignored, any case,
 * O read as 0 and I or L as 1. `null` when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: string): Buffer | null {
  const canonical = input
    .replace(/[\s\-\u2010-\u2015]/g, '')
    // ASCII only: a locale-aware uppercase would turn e.g. a Turkish dotless ı into I, and so into a valid 1.
    .replace(/[a-z]/g, (letter) => letter.toUpperCase())
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CANONICAL.test(canonical) ? Buffer.from(canonical, 'ascii') : null;
}
