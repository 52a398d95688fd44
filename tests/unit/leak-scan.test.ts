import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesChangedSince, scanForMarker, sessionStateSaved, uniqueMarker } from '../e2e/leak-scan';

const MARKER = 'MerkkiQxZvTrWp';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'polku-leakscan-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The marker buried in binary noise, as a database page or a cache entry would hold it. */
function plant(name: string, bytes: Buffer): string {
  const file = join(root, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe]), bytes, Buffer.from([0, 0, 7, 0x80])]));
  return file;
}

describe('scanForMarker', () => {
  it.each([
    ['utf-8', Buffer.from(MARKER, 'utf8')],
    ['utf-16le', Buffer.from(MARKER, 'utf16le')],
    ['utf-16be', Buffer.from(MARKER, 'utf16le').swap16()],
    ['utf-8, lower case', Buffer.from(MARKER.toLowerCase(), 'utf8')],
    ['utf-8, upper case', Buffer.from(MARKER.toUpperCase(), 'utf8')],
    ['utf-16le, lower case', Buffer.from(MARKER.toLowerCase(), 'utf16le')],
    ['utf-16be, upper case', Buffer.from(MARKER.toUpperCase(), 'utf16le').swap16()],
  ])('finds the marker stored as %s inside a binary file', (encoding, bytes) => {
    const file = plant('Default/Local Storage/leveldb/000003.log', bytes);
    const hits = scanForMarker([root], MARKER);
    expect(hits).toContainEqual({ file, encoding });
    // UTF-16 text next to a zero byte also reads as the other byte order, shifted by one: both are real hits.
    expect(hits.every((hit) => hit.file === file)).toBe(true);
  });

  it('finds the marker in SQLite side files and in files given directly', () => {
    const wal = plant('polku.db-wal', Buffer.from(MARKER, 'utf8'));
    const shm = plant('polku.db-shm', Buffer.from(MARKER, 'utf16le'));
    expect(scanForMarker([root], MARKER)).toEqual(
      expect.arrayContaining([
        { file: wal, encoding: 'utf-8' },
        { file: shm, encoding: 'utf-16le' },
      ]),
    );
    expect(scanForMarker([wal], MARKER)).toEqual([{ file: wal, encoding: 'utf-8' }]);
  });

  it('reports nothing for files that hold only a part of the marker or other text', () => {
    plant('clean.bin', Buffer.from(`${MARKER.slice(0, -1)} ${MARKER.slice(1)} Polku`, 'utf8'));
    plant('nested/deeper/clean16.bin', Buffer.from(MARKER.slice(0, -2), 'utf16le'));
    writeFileSync(join(root, 'empty'), '');
    expect(scanForMarker([root], MARKER)).toEqual([]);
  });

  it('does not follow symlinks out of the scanned folders', () => {
    const outside = mkdtempSync(join(tmpdir(), 'polku-leakscan-outside-'));
    try {
      writeFileSync(join(outside, 'secret'), MARKER);
      symlinkSync(join(outside, 'secret'), join(root, 'SingletonLock'));
      expect(scanForMarker([root], MARKER)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('fails rather than passes when a folder to scan does not exist', () => {
    expect(() => scanForMarker([join(root, 'missing')], MARKER)).toThrow(/ENOENT/);
  });

  it("skips another program's temp entries that are gone by the time they are read, when told to", () => {
    writeFileSync(join(root, 'present.bin'), `x${MARKER}x`);
    const paths = [join(root, 'gone-meanwhile'), join(root, 'present.bin')];
    expect(scanForMarker(paths, MARKER, { vanished: 'skip' }).map((hit) => hit.encoding)).toContain('utf-8');
  });

  it('refuses a marker too short to be told apart from chance', () => {
    expect(() => scanForMarker([root], 'Anna')).toThrow(/at least 8/);
  });
});

describe('entriesChangedSince', () => {
  it('lists the entries a run created after its start, and nothing for a later moment', () => {
    const since = Date.now() - 1_000;
    const fresh = join(root, 'fresh');
    mkdirSync(fresh);
    writeFileSync(join(root, 'file'), 'x');
    expect(entriesChangedSince(root, since).sort()).toEqual([join(root, 'file'), fresh]);
    expect(entriesChangedSince(root, Date.now() + 60_000)).toEqual([]);
  });
});

describe('uniqueMarker', () => {
  it('makes markers with no repeated four-letter run, different every time', () => {
    const first = uniqueMarker();
    const folded = first.toLowerCase();
    for (let i = 0; i + 4 <= folded.length; i++) {
      expect(folded.indexOf(folded.slice(i, i + 4), i + 1)).toBe(-1);
    }
    expect(first).toMatch(/^Merkki[A-Z]{20}$/);
    expect(uniqueMarker()).not.toBe(first);
  });
});

describe('sessionStateSaved', () => {
  const sessions = () => join(root, 'Default', 'Sessions');
  const save = () => {
    mkdirSync(sessions(), { recursive: true });
    writeFileSync(join(sessions(), 'Session_1'), `state ${Date.now()}`);
  };

  it('waits for a save of the session files after the text was typed, and for them to go quiet', async () => {
    const typedAt = Date.now();
    const saved = setTimeout(save, 150);
    const started = Date.now();
    await sessionStateSaved(root, typedAt, { quietMs: 200, timeoutMs: 5_000, pollMs: 20 });
    clearTimeout(saved);
    // It returned only after the save (made 150 ms in) and after the files had been quiet for 200 ms since that
    // save's own time stamp. Measured against the file's time stamp, not the test's clock: a loaded machine fires
    // timers late and stamps files on a coarser clock, so a sum of the two delays would be off by a few ms.
    const savedAt = statSync(join(sessions(), 'Session_1')).mtimeMs;
    expect(savedAt).toBeGreaterThan(typedAt);
    expect(Date.now() - savedAt).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('does not take a save from before the text was typed', async () => {
    save();
    const typedAt = Date.now() + 1;
    await expect(sessionStateSaved(root, typedAt, { quietMs: 50, timeoutMs: 300, pollMs: 20 })).rejects.toThrow(
      /did not save the page's state to its session files .* within 300 ms/,
    );
  });

  it('fails, rather than passes, when the browser never writes its session files', async () => {
    await expect(sessionStateSaved(root, Date.now(), { quietMs: 50, timeoutMs: 200, pollMs: 20 })).rejects.toThrow(
      /did not save the page's state/,
    );
  });
});
