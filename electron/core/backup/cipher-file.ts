import { closeSync, openSync, readSync } from 'node:fs';
import { openCipher, type Db, type OpenOptions } from '../db/cipher';

const PAGE_SIZE = 4096;
const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export { passphraseBytes } from '../db/cipher';

/** Opens a backup (or a copy of one) keyed by its passphrase bytes (cipher.ts: the one open sequence). */
export function openWithPassphrase(path: string, passphrase: Buffer, driver: OpenOptions, readonly = false): Db {
  return openCipher(path, { kind: 'passphrase', bytes: passphrase }, { driver, readonly });
}

/** Opens a file under the vault's raw master key without changing its journal mode (the live vault stays as it is). */
export function openWithRawKey(path: string, masterKey: Buffer, driver: OpenOptions, readonly = false): Db {
  return openCipher(path, { kind: 'raw', key: masterKey }, { driver, readonly });
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
