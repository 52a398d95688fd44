import { PASSPHRASE_MIN_LENGTH } from '@shared/vault';
import { AppError } from '@shared/errors';

/** Four groups of four Crockford characters, typed in any case, with or without dashes or spaces. */
const ONE_TIME_SHAPE = /^[0-9A-Z]{4}([ -]?[0-9A-Z]{4}){3}$/i;

/**
 * The bytes a passphrase is derived from: NFC, so "ä" typed on any keyboard or OS gives the same key. Anything
 * shaped like a one-time passphrase is read as one (any case, O as 0, I and L as 1, dashes optional), so a
 * colleague typing it from a note is not refused for a lowercase letter.
 */
export function passphraseSecret(passphrase: string): Buffer {
  const text = passphrase.normalize('NFC').trim();
  if (ONE_TIME_SHAPE.test(text)) {
    const canonical = text.replace(/[ -]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
    return Buffer.from(canonical.match(/.{4}/g)!.join('-'), 'utf8');
  }
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/**
 * The main side's floor for a new passphrase (the renderer's strength meter guides above it): long enough,
 * and not one or two characters repeated.
 */
export function assertPassphraseAcceptable(passphrase: string): void {
  const characters = [...passphrase.normalize('NFC')];
  if (characters.length < PASSPHRASE_MIN_LENGTH || new Set(characters).size < 5) {
    throw new AppError('passphrase_too_weak');
  }
}
