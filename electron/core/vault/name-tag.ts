import { createHmac, randomBytes } from 'node:crypto';

/** A name as people type it at the unlock screen: case, spacing and Unicode composition do not matter. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** A new random key for the vault's name tags (base64). */
export function newNameSalt(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The tag that lets the unlock screen find a user's passphrase slot by the name typed, without the slot file
 * holding any name. Keyed per vault, so tags cannot be compared across laptops; a guessed name can still be
 * checked against a stolen slot file, which is why the tag says nothing a guess would not.
 */
export function nameTag(nameSalt: string, name: string): string {
  return createHmac('sha256', Buffer.from(nameSalt, 'base64')).update(normalizeName(name), 'utf8').digest('hex');
}
