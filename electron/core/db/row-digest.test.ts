import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from './open';
import { encodeRow, rowDigest, rowOrder, section } from './row-digest';

type Value = null | bigint | number | string | Buffer;

/**
 * SQLite values as the driver reads them with safe integers: NULL, 64-bit integers, reals (never NaN, which SQLite
 * stores as NULL), text, blobs. Small alphabets and lengths, so that near-misses (a character moved across a column
 * boundary, "1" beside 1 and 1.0) come up often.
 */
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(0n, 1n, -1n, 49n),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, 1, -0, 1.5),
  fc.string({ unit: fc.constantFrom('a', '1', '\0', 'ä', '\u{1F600}', "'", ','), maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.uint8Array({ maxLength: 4 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(Buffer.alloc(0), Buffer.from('1'), Buffer.from([0xfe]), Buffer.from([0xff])),
);
const row = fc.array(value, { maxLength: 4 });

function sameValue(a: Value, b: Value): boolean {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  return Object.is(a, b);
}

function sameRows(a: readonly Value[][], b: readonly Value[][]): boolean {
  return a.length === b.length && a.every((r, i) => r.length === b[i]!.length && r.every((v, j) => sameValue(v, b[i]![j]!)));
}

const encoded = (rows: readonly Value[][]) => Buffer.concat(rows.map((r) => encodeRow(r)));

describe('the row encoding under the tamper digest of backups and handover files', () => {
  it('never encodes two different rows alike', () => {
    fc.assert(
      fc.property(row, row, (a, b) => {
        expect(encodeRow(a).equals(encodeRow(b))).toBe(sameRows([a], [b]));
      }),
      { numRuns: 5000 },
    );
  });

  it('never encodes two different sequences of rows alike, so rows cannot be split or joined unnoticed', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3 }), fc.array(row, { maxLength: 3 }), (a, b) => {
        expect(encoded(a).equals(encoded(b))).toBe(sameRows(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells apart the values a careless encoding would confuse', () => {
    const confusable: Value[][] = [
      [null],
      [''],
      [Buffer.alloc(0)],
      [],
      [null, null],
      ['', ''],
      [1n],
      [1],
      ['1'],
      [Buffer.from('1')],
      [1.5],
      ['1.5'],
      [0],
      [-0],
      [0n],
      ['ab', ''],
      ['a', 'b'],
      ['', 'ab'],
      ['ab'],
      ['a,b'],
      ['NULL'],
    ];
    const encodings = new Set(confusable.map((r) => encodeRow(r).toString('base64')));
    expect(encodings.size).toBe(confusable.length);
  });

  it('keeps the byte format that backups and handover files already written carry their digests in', () => {
    // NULL; integer 1; real 1.5; text "ä" (2 bytes of UTF-8); blob 01 fe; the row's end mark.
    expect(encodeRow([null, 1n, 1.5, 'ä', Buffer.from([0x01, 0xfe])]).toString('hex')).toBe(
      '00' + '010000000000000001' + '023ff8000000000000' + '0300000002c3a4' + '040000000201fe' + 'fe',
    );
    // A table's head: its name's length and bytes, its number of columns.
    expect(section('t', 2).toString('hex')).toBe('ff' + '00000001' + '00000002' + '74');
  });
});

describe('the tamper digest of a whole file', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  function fileWith(rows: [string, unknown][]): Db {
    const folder = mkdtempSync(join(tmpdir(), 'polku-digest-'));
    folders.push(folder);
    const db = openEncrypted(join(folder, 'file.db'), randomBytes(32));
    db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, v) ; CREATE TABLE manifest (digest TEXT)`);
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
    for (const [id, v] of rows) insert.run(id, v);
    return db;
  }

  const digestOf = (db: Db) => rowDigest(db, 'manifest', [{ name: 't', orderBy: rowOrder(db, 't') }]);

  it('changes when a stored value changes its type but not its text, and ignores the manifest and insertion order', () => {
    const a = fileWith([
      ['x', 1],
      ['y', 'z'],
    ]);
    const b = fileWith([
      ['y', 'z'],
      ['x', 1],
    ]);
    const c = fileWith([
      ['x', '1'],
      ['y', 'z'],
    ]);
    try {
      b.prepare('INSERT INTO manifest (digest) VALUES (?)').run('anything');
      expect(digestOf(a)).toMatch(/^[0-9a-f]{64}$/);
      expect(digestOf(b)).toBe(digestOf(a));
      expect(digestOf(c)).not.toBe(digestOf(a));
    } finally {
      for (const db of [a, b, c]) db.close();
    }
  });
});
