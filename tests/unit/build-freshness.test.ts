import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDir, staleBuildReason } from '../../scripts/build-freshness.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'polku-build-freshness-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const DAY = 24 * 60 * 60;
/** Writes a file whose modification time is `secondsAgo` seconds in the past. */
function fileAged(path: string, secondsAgo: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(path, at, at);
}
/** Folders get the time of their last change too; age them with the files so only the files decide. */
function ageFolders(secondsAgo: number, ...folders: string[]): void {
  const at = Date.now() / 1000 - secondsAgo;
  for (const folder of folders) utimesSync(join(root, folder), at, at);
}

describe('whether the built app is current', () => {
  it('is not when nothing is built, and says which file is missing', () => {
    fileAged(join(root, 'renderer', 'src', 'App.tsx'), DAY);
    expect(staleBuildReason(root)).toBe('The app is not built (out/renderer/index.html is missing).');
  });

  it('is not when a source file changed after the build, and names that file', () => {
    fileAged(join(root, 'out', 'renderer', 'index.html'), DAY);
    fileAged(join(root, 'shared', 'api.ts'), 2 * DAY);
    fileAged(join(root, 'electron', 'core', 'notes', 'repo.ts'), 60);
    ageFolders(2 * DAY, 'shared', 'electron', 'electron/core', 'electron/core/notes');
    expect(staleBuildReason(root)).toBe(
      'The built app in out/ is older than its sources (electron/core/notes/repo.ts changed since).',
    );
  });

  it('is when every source is older than the build', () => {
    fileAged(join(root, 'renderer', 'src', 'App.tsx'), 2 * DAY);
    fileAged(join(root, 'package.json'), 2 * DAY);
    ageFolders(2 * DAY, 'renderer', 'renderer/src');
    fileAged(join(root, 'out', 'renderer', 'index.html'), DAY);
    expect(staleBuildReason(root)).toBeNull();
  });

  it('looks in POLKU_OUT_DIR when it names another build folder', () => {
    expect(buildDir(root, { POLKU_OUT_DIR: 'out-check' })).toBe(join(root, 'out-check'));
    expect(buildDir(root, {})).toBe(join(root, 'out'));
    fileAged(join(root, 'out-check', 'renderer', 'index.html'), DAY);
    expect(staleBuildReason(root, buildDir(root, { POLKU_OUT_DIR: 'out-check' }))).toBeNull();
  });
});
