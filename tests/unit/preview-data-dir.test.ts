import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { previewDataDir } from '../../scripts/browser-app/preview-app';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the data folder of npm run preview', () => {
  it("is a new temporary folder, never the user's own, when none is asked for", () => {
    const first = previewDataDir([], {});
    const second = previewDataDir([], {});
    made.push(first.dataDir, second.dataDir);
    expect(first.temporary).toBe(true);
    expect(first.dataDir.startsWith(join(tmpdir(), 'polku-preview-data-'))).toBe(true);
    expect(second.dataDir).not.toBe(first.dataDir);
    expect(statSync(first.dataDir).isDirectory()).toBe(true);
  });

  it('is the folder given by --data-dir, or else by POLKU_DATA_DIR, and is kept', () => {
    const parent = mkdtempSync(join(tmpdir(), 'polku-preview-test-'));
    made.push(parent);
    const asked = join(parent, 'kept');
    expect(previewDataDir([`--data-dir=${asked}`], { POLKU_DATA_DIR: join(parent, 'other') })).toEqual({
      dataDir: asked,
      temporary: false,
    });
    expect(existsSync(asked)).toBe(true);
    expect(previewDataDir([], { POLKU_DATA_DIR: join(parent, 'env') })).toEqual({
      dataDir: join(parent, 'env'),
      temporary: false,
    });
  });
});
