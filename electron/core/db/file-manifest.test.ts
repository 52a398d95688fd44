import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { parseManifestCounts, readManifestRow } from './file-manifest';
import { openEncrypted, type Db } from './open';

const row = z.object({ version: z.number().int().positive(), counts: z.string() });
const counts = z.record(z.string(), z.number().int().nonnegative());

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function file(rows: [unknown, unknown][] | null): Db {
  const folder = mkdtempSync(join(tmpdir(), 'polku-manifest-'));
  folders.push(folder);
  const db = openEncrypted(join(folder, 'file.db'), randomBytes(32));
  if (rows) {
    db.exec('CREATE TABLE "file manifest" (version, counts)');
    for (const [version, text] of rows) db.prepare('INSERT INTO "file manifest" VALUES (?, ?)').run(version, text);
  }
  return db;
}

function read(db: Db) {
  try {
    return readManifestRow(db, 'file manifest', row, 'backup_damaged');
  } finally {
    db.close();
  }
}

describe('reading the manifest a backup or handover file describes itself in', () => {
  it('reads its one well-formed row', () => {
    expect(read(file([[2, '{"notes":3}']]))).toEqual({ version: 2, counts: '{"notes":3}' });
  });

  it('finds none in an SQLCipher file of another kind', () => {
    expect(read(file(null))).toBeNull();
  });

  it('calls a file whose manifest is empty, doubled or malformed damaged', () => {
    for (const rows of [
      [],
      [
        [2, '{}'],
        [2, '{}'],
      ],
      [['2', '{}']],
      [[0, '{}']],
      [[2, null]],
    ] as [unknown, unknown][][]) {
      expect(() => read(file(rows)), JSON.stringify(rows)).toThrow(expect.objectContaining({ code: 'backup_damaged' }));
    }
  });

  it('reads the counts, and calls counts that are not JSON or not whole numbers of rows damaged', () => {
    expect(parseManifestCounts('{"notes":3,"users":1}', counts, 'handover_damaged')).toEqual({ notes: 3, users: 1 });
    for (const text of ['', 'not json', '[1]', '{"notes":-1}', '{"notes":1.5}', '{"notes":"3"}'])
      expect(() => parseManifestCounts(text, counts, 'handover_damaged'), text).toThrow(
        expect.objectContaining({ code: 'handover_damaged' }),
      );
  });
});
