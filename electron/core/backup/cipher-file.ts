import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db, OpenOptions } from '../db/open';

const PAGE_SIZE = 4096;
const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The bytes a backup passphrase keys SQLCipher with: the passphrase in Unicode NFC, as UTF-8, so that "ä"
 * typed on any keyboard or system opens the file (other SQLCipher tools receive what is typed, which is NFC
 * on every common keyboard).
 */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/**
 * Opens an SQLCipher 4 file as any SQLCipher 4 tool does: `cipher='sqlcipher'`, `legacy=4`, then the key
 * (a passphrase through SQLCipher's PBKDF2, or a raw key). Reads the schema, because the key pragma accepts
 * any key and only the first read fails.
 */
function openSqlCipher(path: string, key: Buffer, driver: OpenOptions, readonly: boolean): Db {
  const db = new Database(path, {
    readonly,
    fileMustExist: true,
    ...(driver.nativeBinding ? { nativeBinding: driver.nativeBinding } : {}),
  });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens a backup (or a copy of one) keyed by its passphrase bytes. */
export function openWithPassphrase(path: string, passphrase: Buffer, driver: OpenOptions, readonly = false): Db {
  return openSqlCipher(path, passphrase, driver, readonly);
}

/** Opens a file under the vault's raw master key without changing its journal mode (the live vault stays as it is). */
export function openWithRawKey(path: string, masterKey: Buffer, driver: OpenOptions, readonly = false): Db {
  const key = rawKeyText(masterKey);
  try {
    return openSqlCipher(path, key, driver, readonly);
  } finally {
    key.fill(0);
  }
}

/** A raw key as SQLCipher takes it through the key API: the text x'<64 hex digits>'. Zero it after use. */
export function rawKeyText(masterKey: Buffer): Buffer {
  return Buffer.from(`x'${masterKey.toString('hex')}'`, 'latin1');
}

/** What the first bytes of a file say without any key. */
export function sniffFile(path: string): 'plaintext' | 'short' | 'encrypted' {
  const header = Buffer.alloc(PAGE_SIZE);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, PAGE_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= SQLITE_PLAINTEXT_HEADER.length && header.subarray(0, 16).equals(SQLITE_PLAINTEXT_HEADER)) return 'plaintext';
  return read < PAGE_SIZE ? 'short' : 'encrypted';
}

/** The page size every vault and backup file uses. */
export const BACKUP_PAGE_SIZE = PAGE_SIZE;
