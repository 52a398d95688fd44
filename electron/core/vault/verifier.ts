import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '@shared/errors';

/** What a verification found. `firstBadPage` is 1-based; `null` means every page is authentic. */
export interface VerifyResult {
  /** Pages examined, the bad one included; equals the file's page count for a sound file. */
  pagesChecked: number;
  firstBadPage: number | null;
  pageSize: number;
}

// SQLCipher 4 defaults (legacy=4) with a raw key, as the SQLite3 Multiple Ciphers codec writes them.
export const PAGE_SIZE = 4096;
const SALT_LENGTH = 16;
const IV_LENGTH = 16;
const HMAC_LENGTH = 64;
const RESERVE = IV_LENGTH + HMAC_LENGTH;
const HMAC_SALT_MASK = 0x3a;
const HMAC_KEY_ITERATIONS = 2;
const KEY_LENGTH = 32;
const PASSPHRASE_KDF_ITERATIONS = 256_000;
// SQLite never writes the page holding the lock bytes at offset 1 GiB, so it carries no HMAC.
const LOCK_BYTE_PAGE = 0x40000000 / PAGE_SIZE + 1;
const PAGES_PER_SLICE = 256;

/**
 * Checks every page of an SQLCipher 4 database file against its HMAC, and page 1's decrypted header against the
 * vault's settings, without opening it through SQLite. Only the main file: checkpoint the WAL first.
 */
export function verifyDatabaseFile(
  path: string,
  masterKey: Buffer,
  onSlice?: (pagesDone: number, pageCount: number) => void,
): VerifyResult {
  const steps = verifySlices(path, masterKey);
  try {
    let step = steps.next();
    while (!step.done) {
      onSlice?.(step.value.pagesDone, step.value.pageCount);
      step = steps.next();
    }
    return step.value;
  } finally {
    // Runs the walk's own clean-up when it stopped early; a no-op after it finished.
    steps.return({ pagesChecked: 0, firstBadPage: 1, pageSize: PAGE_SIZE });
  }
}

/**
 * The same check for an SQLCipher 4 file keyed by a passphrase (SQLCipher's own key derivation, as a backup is):
 * the page key is PBKDF2-HMAC-SHA512 of the passphrase over the file's salt (its first 16 bytes), 256 000 rounds;
 * from there on everything is as for a raw key. `passphrase` is the exact bytes given to SQLCipher.
 */
export function verifyPassphraseFile(
  path: string,
  passphrase: Buffer,
  onSlice?: (pagesDone: number, pageCount: number) => void,
): VerifyResult {
  const salt = Buffer.alloc(SALT_LENGTH);
  const fd = openSync(path, 'r');
  let saltRead: number;
  try {
    saltRead = readSync(fd, salt, 0, SALT_LENGTH, 0);
  } finally {
    closeSync(fd);
  }
  if (saltRead < SALT_LENGTH) return { pagesChecked: saltRead === 0 ? 0 : 1, firstBadPage: 1, pageSize: PAGE_SIZE };
  const pageKey = pbkdf2Sync(passphrase, salt, PASSPHRASE_KDF_ITERATIONS, KEY_LENGTH, 'sha512');
  try {
    return verifyDatabaseFile(path, pageKey, onSlice);
  } finally {
    pageKey.fill(0);
  }
}

/** The same check, handing the event loop back every few hundred pages (about a millisecond of work each). */
export async function verifyDatabaseFileAsync(path: string, masterKey: Buffer): Promise<VerifyResult> {
  const steps = verifySlices(path, masterKey);
  let step = steps.next();
  while (!step.done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

interface SliceProgress {
  pagesDone: number;
  pageCount: number;
}

/** Walks the file page by page, pausing (yielding) between slices. Everything that needs the key happens before the first pause. */
function* verifySlices(path: string, masterKey: Buffer): Generator<SliceProgress, VerifyResult, void> {
  if (masterKey.length !== KEY_LENGTH) throw new AppError('internal');
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const pageCount = Math.ceil(size / PAGE_SIZE);
    const result = (pagesChecked: number, firstBadPage: number | null): VerifyResult => ({
      pagesChecked,
      firstBadPage,
      pageSize: PAGE_SIZE,
    });
    if (pageCount === 0) return result(0, 1);

    const page = Buffer.alloc(PAGE_SIZE);
    if (!readPage(fd, 1, page)) return result(1, 1);
    // The salt is the first 16 bytes of the file; the key stays the raw key, only the HMAC key is derived from it.
    const hmacSalt = Buffer.from(page.subarray(0, SALT_LENGTH).map((byte) => byte ^ HMAC_SALT_MASK));
    const hmacKey = pbkdf2Sync(masterKey, hmacSalt, HMAC_KEY_ITERATIONS, KEY_LENGTH, 'sha512');
    try {
      if (!pageIsAuthentic(page, 1, hmacKey)) return result(1, 1);
      const declaredPages = checkHeader(page, masterKey);
      if (declaredPages === null) return result(1, 1);

      let checked = 1;
      for (let pageNumber = 2; pageNumber <= pageCount; pageNumber++) {
        if (pageNumber % PAGES_PER_SLICE === 0) yield { pagesDone: pageNumber - 1, pageCount };
        if (pageNumber === LOCK_BYTE_PAGE) continue;
        checked++;
        if (!readPage(fd, pageNumber, page) || !pageIsAuthentic(page, pageNumber, hmacKey)) {
          return result(checked, pageNumber);
        }
      }
      // Every page present is authentic, but the header promises more: the file was cut at a page boundary.
      if (declaredPages > pageCount) return result(checked, pageCount + 1);
      return result(checked, null);
    } finally {
      hmacKey.fill(0);
      page.fill(0);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole page; false when the file ends inside it. */
function readPage(fd: number, pageNumber: number, into: Buffer): boolean {
  let filled = 0;
  while (filled < PAGE_SIZE) {
    const read = readSync(fd, into, filled, PAGE_SIZE - filled, (pageNumber - 1) * PAGE_SIZE + filled);
    if (read === 0) return false;
    filled += read;
  }
  return true;
}

/** HMAC-SHA512 over ciphertext and IV, then the page number as 4 bytes little-endian. */
function pageIsAuthentic(page: Buffer, pageNumber: number, hmacKey: Buffer): boolean {
  const start = pageNumber === 1 ? SALT_LENGTH : 0;
  const ivAt = PAGE_SIZE - RESERVE;
  const pageNumberBytes = Buffer.alloc(4);
  pageNumberBytes.writeUInt32LE(pageNumber);
  const expected = createHmac('sha512', hmacKey)
    .update(page.subarray(start, ivAt + IV_LENGTH))
    .update(pageNumberBytes)
    .digest();
  return timingSafeEqual(expected, page.subarray(ivAt + IV_LENGTH, ivAt + IV_LENGTH + HMAC_LENGTH));
}

/**
 * The plaintext of one encrypted page (AES-256-CBC under the raw key, the IV in the page's reserved bytes), in a
 * page-sized buffer at the same offsets, so that offsets read as in the SQLite file format; the reserved bytes
 * (and page 1's salt) are left zero. Not authenticated: check the HMAC first where that matters. Zero it after use.
 */
export function decryptPage(page: Buffer, pageNumber: number, masterKey: Buffer): Buffer {
  if (masterKey.length !== KEY_LENGTH || page.length !== PAGE_SIZE) throw new AppError('internal');
  const start = pageNumber === 1 ? SALT_LENGTH : 0;
  const ivAt = PAGE_SIZE - RESERVE;
  const decipher = createDecipheriv('aes-256-cbc', masterKey, page.subarray(ivAt, ivAt + IV_LENGTH));
  decipher.setAutoPadding(false);
  const plain = Buffer.alloc(PAGE_SIZE);
  const head = decipher.update(page.subarray(start, ivAt));
  const tail = decipher.final();
  head.copy(plain, start);
  tail.copy(plain, start + head.length);
  head.fill(0);
  return plain;
}

/**
 * Decrypts page 1 and checks the SQLite header fields the vault's settings fix. Returns the page count the header
 * declares (0 when the header does not vouch for it), or null when the header is not one of ours.
 */
function checkHeader(page: Buffer, masterKey: Buffer): number | null {
  const plain = decryptPage(page, 1, masterKey);
  try {
    const fieldsMatch =
      plain.readUInt16BE(16) === PAGE_SIZE &&
      [1, 2].includes(plain.readUInt8(18)) && // write version: 1 rollback journal, 2 WAL
      [1, 2].includes(plain.readUInt8(19)) && // read version
      plain.readUInt8(20) === RESERVE &&
      plain.readUInt8(21) === 64 && // payload fractions, fixed by the file format
      plain.readUInt8(22) === 32 &&
      plain.readUInt8(23) === 32 &&
      plain.readUInt32BE(44) <= 4 && // schema format
      plain.readUInt32BE(56) <= 3 && // text encoding (0 until the first table is created)
      plain.subarray(72, 92).every((byte) => byte === 0); // reserved for expansion
    if (!fieldsMatch) return null;
    // The in-header page count is only meaningful when the change counter matches version-valid-for.
    return plain.readUInt32BE(24) === plain.readUInt32BE(92) ? plain.readUInt32BE(28) : 0;
  } finally {
    plain.fill(0);
  }
}
