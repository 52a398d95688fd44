import { PASSPHRASE_MIN_LENGTH } from '@shared/api';
import { AppError } from '@shared/errors';

/** The bytes a passphrase is derived from: NFC, so "ä" typed on any keyboard or OS gives the same key. */
export function passphraseSecret(passphrase: string): Buffer {
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
