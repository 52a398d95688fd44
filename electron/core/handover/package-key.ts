import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db, OpenOptions } from '../db/open';

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

/**
 * The bytes SQLCipher is given for a passphrase: Unicode NFC as UTF-8, so that "ä" typed on any keyboard opens
 * the file (the backup format does the same).
 */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
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
 * Opens (or, for an empty file, creates) a handover file under its derived key, with no journal or temp files
 * beside it. Reads the schema at once: the key pragma accepts any key and only the first read fails.
 */
export function openPackage(path: string, packageKey: PackageKey, driver: OpenOptions): Db {
  const db = new Database(path, driver.nativeBinding ? { nativeBinding: driver.nativeBinding } : {});
  const keyText = Buffer.from(`x'${packageKey.key.toString('hex')}${packageKey.salt.toString('hex')}'`, 'latin1');
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(keyText);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('journal_mode=MEMORY');
    db.pragma('temp_store=MEMORY');
    // A handover file is a container, not a vault: its rows point at staff and groups it does not hold.
    db.pragma('foreign_keys=OFF');
    return db;
  } catch (error) {
    db.close();
    throw error;
  } finally {
    keyText.fill(0);
  }
}
