import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted } from '../db/open';
import { verifyDatabaseFile, verifyDatabaseFileAsync } from './verifier';

const PAGE = 4096;
const IV_AT = PAGE - 80;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-verifier-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Fixture {
  path: string;
  key: Buffer;
  rows: Buffer[];
  pages: number;
}

/** A real SQLCipher 4 vault database with `rowCount` rows of random 1000-byte blobs, WAL checkpointed into the file. */
function createDatabase(name: string, rowCount: number): Fixture {
  const path = join(dir, `${name}.db`);
  const key = randomBytes(32);
  const rows = Array.from({ length: rowCount }, () => randomBytes(1000));
  const db = openEncrypted(path, key);
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, body BLOB NOT NULL); CREATE INDEX item_body ON item (body);');
  const insert = db.prepare('INSERT INTO item (body) VALUES (?)');
  db.transaction(() => rows.forEach((row) => insert.run(row)))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { path, key, rows, pages: statSync(path).size / PAGE };
}

/** A copy of the fixture's file to damage. */
function copyOf(fixture: Fixture, name: string): string {
  const path = join(dir, `${name}.db`);
  writeFileSync(path, readFileSync(fixture.path));
  return path;
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset]! ^= 0x40;
  writeFileSync(path, bytes);
}

/**
 * Decrypts page 1, lets `edit` change the plaintext (indexed as in the SQLite header), then encrypts it again
 * under a fresh IV with a correct HMAC: what a writer holding the key would produce.
 */
function resealPageOne(path: string, key: Buffer, edit: (header: Buffer) => void): void {
  const file = readFileSync(path);
  const decipher = createDecipheriv('aes-256-cbc', key, file.subarray(IV_AT, IV_AT + 16)).setAutoPadding(false);
  const plain = Buffer.concat([Buffer.alloc(16), decipher.update(file.subarray(16, IV_AT)), decipher.final()]);
  edit(plain);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  Buffer.concat([cipher.update(plain.subarray(16)), cipher.final()]).copy(file, 16);
  iv.copy(file, IV_AT);
  const hmacSalt = Buffer.from(file.subarray(0, 16).map((byte) => byte ^ 0x3a));
  const hmacKey = pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
  const pageNumber = Buffer.alloc(4);
  pageNumber.writeUInt32LE(1);
  createHmac('sha512', hmacKey)
    .update(file.subarray(16, IV_AT + 16))
    .update(pageNumber)
    .digest()
    .copy(file, IV_AT + 16);
  writeFileSync(path, file);
}

describe('verifyDatabaseFile on real SQLCipher files', () => {
  let fixture: Fixture;
  beforeAll(() => {
    fixture = createDatabase('intact', 120);
  });

  it('accepts an intact file, checking every page', () => {
    expect(fixture.pages).toBeGreaterThan(30);
    expect(verifyDatabaseFile(fixture.path, fixture.key)).toEqual({
      pagesChecked: fixture.pages,
      firstBadPage: null,
      pageSize: PAGE,
    });
  });

  it('accepts a freshly created vault database of one page', () => {
    const path = join(dir, 'fresh.db');
    const key = randomBytes(32);
    openEncrypted(path, key).close();
    expect(statSync(path).size).toBe(PAGE);
    expect(verifyDatabaseFile(path, key)).toEqual({ pagesChecked: 1, firstBadPage: null, pageSize: PAGE });
  });

  it('only accepts files that SQLCipher itself then opens and reads with the same key', () => {
    expect(verifyDatabaseFile(fixture.path, fixture.key).firstBadPage).toBeNull();
    const db = openEncrypted(fixture.path, fixture.key);
    try {
      const bodies = db.prepare('SELECT body FROM item ORDER BY id').pluck().all() as Buffer[];
      expect(bodies).toEqual(fixture.rows);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
  });

  it('reads the page format exactly as SQLCipher writes it: a page 1 resealed by that reading still opens', () => {
    const path = copyOf(fixture, 'resealed');
    resealPageOne(path, fixture.key, () => undefined);
    expect(readFileSync(path).subarray(IV_AT, IV_AT + 16)).not.toEqual(readFileSync(fixture.path).subarray(IV_AT, IV_AT + 16));
    expect(verifyDatabaseFile(path, fixture.key).firstBadPage).toBeNull();
    const db = openEncrypted(path, fixture.key);
    try {
      expect(db.prepare('SELECT count(*) FROM item').pluck().get()).toBe(fixture.rows.length);
    } finally {
      db.close();
    }
  });

  it('finds the damaged page, wherever it is', () => {
    const middle = Math.floor(fixture.pages / 2);
    const damages: [page: number, offsetInPage: number][] = [
      [1, 100], // page 1 ciphertext, inside the SQLite header
      [1, 3], // the salt, which keys the HMAC
      [2, 0],
      [middle, 2048],
      [middle + 1, IV_AT + 5], // an IV
      [fixture.pages, PAGE - 1], // the last byte of the last HMAC
    ];
    for (const [page, offsetInPage] of damages) {
      const path = copyOf(fixture, `damaged-${page}-${offsetInPage}`);
      flipByte(path, (page - 1) * PAGE + offsetInPage);
      const result = verifyDatabaseFile(path, fixture.key);
      expect({ page, offsetInPage, firstBadPage: result.firstBadPage }).toEqual({ page, offsetInPage, firstBadPage: page });
      expect(result.pagesChecked).toBe(page);
    }
  });

  it('finds a page swapped with another, because the page number is authenticated', () => {
    const path = copyOf(fixture, 'swapped');
    const bytes = readFileSync(path);
    const page3 = Buffer.from(bytes.subarray(2 * PAGE, 3 * PAGE));
    bytes.copy(bytes, 2 * PAGE, 3 * PAGE, 4 * PAGE);
    page3.copy(bytes, 3 * PAGE);
    writeFileSync(path, bytes);
    expect(verifyDatabaseFile(path, fixture.key).firstBadPage).toBe(3);
  });

  it('reports a file cut inside a page at that page', () => {
    const path = copyOf(fixture, 'cut-inside');
    truncateSync(path, (fixture.pages - 3) * PAGE + 1000);
    expect(verifyDatabaseFile(path, fixture.key)).toEqual({
      pagesChecked: fixture.pages - 2,
      firstBadPage: fixture.pages - 2,
      pageSize: PAGE,
    });
  });

  it('reports a file cut at a page boundary at the first missing page, by the page count in its header', () => {
    const path = copyOf(fixture, 'cut-boundary');
    truncateSync(path, (fixture.pages - 2) * PAGE);
    expect(verifyDatabaseFile(path, fixture.key).firstBadPage).toBe(fixture.pages - 1);
  });

  it('reports an empty file and a file shorter than a page at page 1', () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, Buffer.alloc(0));
    expect(verifyDatabaseFile(empty, fixture.key)).toEqual({ pagesChecked: 0, firstBadPage: 1, pageSize: PAGE });
    const stub = copyOf(fixture, 'stub');
    truncateSync(stub, 2000);
    expect(verifyDatabaseFile(stub, fixture.key).firstBadPage).toBe(1);
  });

  it('reports page 1 for the wrong key', () => {
    expect(verifyDatabaseFile(fixture.path, randomBytes(32))).toEqual({ pagesChecked: 1, firstBadPage: 1, pageSize: PAGE });
  });

  it('reports page 1 for a plaintext SQLite file', () => {
    const path = join(dir, 'plain.db');
    const db = new Database(path);
    db.pragma('journal_mode=WAL');
    db.exec('CREATE TABLE item (body BLOB); INSERT INTO item VALUES (randomblob(5000));');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(verifyDatabaseFile(path, fixture.key).firstBadPage).toBe(1);
  });

  it('reports page 1 when page 1 authenticates but its header is not the vault format', () => {
    const wrongPageSize = copyOf(fixture, 'header-page-size');
    resealPageOne(wrongPageSize, fixture.key, (header) => header.writeUInt16BE(8192, 16));
    expect(verifyDatabaseFile(wrongPageSize, fixture.key).firstBadPage).toBe(1);
    const wrongReserve = copyOf(fixture, 'header-reserve');
    resealPageOne(wrongReserve, fixture.key, (header) => header.writeUInt8(48, 20));
    expect(verifyDatabaseFile(wrongReserve, fixture.key).firstBadPage).toBe(1);
  });
});

describe('verifyDatabaseFileAsync', () => {
  let large: Fixture;
  beforeAll(() => {
    large = createDatabase('large', 1300);
  });

  it('gives the same answers as the synchronous check', async () => {
    expect(large.pages).toBeGreaterThan(2 * 256);
    expect(await verifyDatabaseFileAsync(large.path, large.key)).toEqual(verifyDatabaseFile(large.path, large.key));
    const damaged = copyOf(large, 'large-damaged');
    flipByte(damaged, 600 * PAGE - 10);
    expect(await verifyDatabaseFileAsync(damaged, large.key)).toEqual({ pagesChecked: 600, firstBadPage: 600, pageSize: PAGE });
    expect(await verifyDatabaseFileAsync(large.path, randomBytes(32))).toEqual({
      pagesChecked: 1,
      firstBadPage: 1,
      pageSize: PAGE,
    });
  });

  it('lets other work run while it checks a large file', async () => {
    let otherWorkRan = false;
    const checking = verifyDatabaseFileAsync(large.path, large.key).then((result) => ({ result, otherWorkRan }));
    setImmediate(() => {
      otherWorkRan = true;
    });
    const { result, otherWorkRan: ranBeforeTheEnd } = await checking;
    expect(result.firstBadPage).toBeNull();
    expect(ranBeforeTheEnd).toBe(true);
  });
});
