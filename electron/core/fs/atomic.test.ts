import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeIfExists, writeFileAtomic } from './atomic';

// Lets one test make the rename step fail the way a full or failing disk would; every other call is the real one.
const injected = vi.hoisted(() => ({ renameFails: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFs>();
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      if (injected.renameFails) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      actual.renameSync(from, to);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-atomic-'));
  injected.renameFails = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates the file with the given content and leaves no temp file behind', () => {
    const path = join(dir, 'state.json');
    writeFileAtomic(path, '{"a":1}');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('replaces an existing file whole', () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, 'old content that is longer than the new one');
    writeFileAtomic(path, Buffer.from('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('makes the file readable by its owner only by default', () => {
    const path = join(dir, 'keys');
    writeFileAtomic(path, 'x');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file and removes the temp file when the rename fails', () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, 'old');
    injected.renameFails = true;
    expect(() => writeFileAtomic(path, 'new')).toThrow(/EIO/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('leaves what is at the target untouched when the target cannot be replaced', () => {
    const path = join(dir, 'occupied');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'kept');
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['occupied']);
  });

  it('throws and creates nothing when the folder does not exist', () => {
    const path = join(dir, 'missing', 'state.json');
    expect(() => writeFileAtomic(path, 'new')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('removeIfExists', () => {
  it('deletes an existing file', () => {
    const path = join(dir, 'f');
    writeFileSync(path, 'x');
    removeIfExists(path);
    expect(existsSync(path)).toBe(false);
  });

  it('accepts a file that is already gone', () => {
    expect(() => removeIfExists(join(dir, 'never-was'))).not.toThrow();
  });

  it('still reports other failures', () => {
    const path = join(dir, 'a-folder');
    mkdirSync(path);
    expect(() => removeIfExists(path)).toThrow();
    expect(existsSync(path)).toBe(true);
  });
});
