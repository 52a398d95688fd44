import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { openCipher, passphraseBytes, type Db, type OpenOptions } from '../db/cipher';

const derive = promisify(pbkdf2);

/** SQLCipher 4's passphrase key derivation (legacy=4): PBKDF2-HMAC-SHA512, 256 000 rounds, over the file's salt. */
const KDF_ROUNDS = 256_000;
const KEY_LENGTH = 32;
export const SALT_LENGTH = 16;

/**
 * The key of a handover file, derived from its passphrase off the main thread. Opening the file with
 * `x'<key><salt>'` is exactly what SQLCipher does with the passphrase itself, so any SQLCipher 4 tool opens it
 * with the passphrase; doing the derivation here keeps the 256 000 rounds (a quarter second) off the event loop.
 */
export interface PackageKey {
  key: Buffer;
  salt: Buffer;
  /** Zeroes the key. */
  wipe(): void;
}

/** Derives the key for `passphrase` over `salt` (a new random salt for a new file). */
export async function derivePackageKey(passphrase: string, salt: Buffer = randomBytes(SALT_LENGTH)): Promise<PackageKey> {
  const secret = passphraseBytes(passphrase);
  try {
    const key = await derive(secret, salt, KDF_ROUNDS, KEY_LENGTH, 'sha512');
    return { key, salt, wipe: () => key.fill(0) };
  } finally {
    secret.fill(0);
  }
}

/**
 * Opens a handover file (an empty one becomes a new file) under its derived key (cipher.ts: the one open sequence),
 * with no journal beside it.
 */
export function openPackage(path: string, packageKey: PackageKey, driver: OpenOptions): Db {
  const db = openCipher(path, { kind: 'derived', key: packageKey.key, salt: packageKey.salt }, { driver });
  try {
    db.pragma('journal_mode=MEMORY');
    // A handover file is a container, not a vault: its rows point at staff and groups it does not hold.
    db.pragma('foreign_keys=OFF');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
