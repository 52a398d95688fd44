import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassphraseFile } from './verifier';

const PAGE = 4096;
const PASSPHRASE = Buffer.from('pääsy varmuuskopioon', 'utf8');
let dir: string;
let path: string;
let pages: number;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-verifier-passphrase-'));
  path = join(dir, 'keyed.db');
  // Written as any SQLCipher 4 tool writes a passphrase-keyed file.
  const db = new Database(path);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key='${PASSPHRASE.toString('utf8')}'`);
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = db.prepare('INSERT INTO item (body) VALUES (randomblob(1500))');
  db.transaction(() => {
    for (let i = 0; i < 600; i++) insert.run();
  })();
  db.close();
  pages = statSync(path).size / PAGE;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(name: string, change: (path: string) => void): string {
  const target = join(dir, name);
  writeFileSync(target, readFileSync(path));
  change(target);
  return target;
}

describe('verifyPassphraseFile: SQLCipher 4 files keyed by a passphrase', () => {
  it('accepts an intact file, checking every page and reporting as it goes', () => {
    const slices: number[] = [];
    expect(verifyPassphraseFile(path, PASSPHRASE, (done) => slices.push(done))).toEqual({
      pagesChecked: pages,
      firstBadPage: null,
      pageSize: PAGE,
    });
    expect(slices.length).toBeGreaterThan(0);
  });

  it('reports page 1 for another passphrase', () => {
    expect(verifyPassphraseFile(path, Buffer.from('pääsy varmuuskopioon!'), undefined).firstBadPage).toBe(1);
  });

  it('finds a damaged page, and a file cut short', () => {
    const damaged = copy('damaged.db', (p) => {
      const bytes = readFileSync(p);
      bytes[100 * PAGE + 7]! ^= 0x80;
      writeFileSync(p, bytes);
    });
    expect(verifyPassphraseFile(damaged, PASSPHRASE).firstBadPage).toBe(101);
    const cut = copy('cut.db', (p) => truncateSync(p, (pages - 3) * PAGE));
    expect(verifyPassphraseFile(cut, PASSPHRASE).firstBadPage).toBe(pages - 2);
    const tiny = copy('tiny.db', (p) => truncateSync(p, 10));
    expect(verifyPassphraseFile(tiny, PASSPHRASE).firstBadPage).toBe(1);
  });

  it('stops when the progress callback throws, closing the file', () => {
    expect(() =>
      verifyPassphraseFile(path, PASSPHRASE, () => {
        throw new Error('stop');
      }),
    ).toThrow('stop');
  });
});
