import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirFrom, ensureDataDir, nativeBindingPath, preloadPath, rendererDir } from './paths';

describe('the data folder', () => {
  it('comes from --data-dir first', () => {
    expect(dataDirFrom(['electron', '.', '--data-dir=/tmp/a'], { POLKU_DATA_DIR: '/tmp/b' }, '/user-data')).toBe('/tmp/a');
  });

  it('comes from POLKU_DATA_DIR when there is no argument', () => {
    expect(dataDirFrom(['electron', '.'], { POLKU_DATA_DIR: '/tmp/b' }, '/user-data')).toBe('/tmp/b');
  });

  it('is the OS user-data folder otherwise, also when the others are empty', () => {
    expect(dataDirFrom(['electron', '.', '--data-dir='], { POLKU_DATA_DIR: '' }, '/user-data')).toBe('/user-data');
  });

  it('is made absolute when given relative', () => {
    expect(dataDirFrom(['--data-dir=vault'], {}, '/user-data')).toBe(resolve('vault'));
  });
});

describe('creating the data folder', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'polku-paths-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('makes it, with its parents, readable by its owner only', () => {
    const dir = ensureDataDir(join(base, 'a', 'b'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('tightens an existing folder that others could read', () => {
    const dir = join(base, 'open');
    mkdirSync(dir, { mode: 0o755 });
    ensureDataDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('built files and the database module', () => {
  it('are found inside the app folder', () => {
    expect(rendererDir('/app')).toBe(join('/app', 'out', 'renderer'));
    expect(preloadPath('/app')).toBe(join('/app', 'out', 'preload', 'index.cjs'));
  });

  it('use the Electron build beside node_modules in development', () => {
    expect(nativeBindingPath({ isPackaged: false, appPath: '/project', resourcesPath: '/r', electronVersion: '45.5.0' })).toBe(
      join(
        '/project',
        '.native',
        'electron-45.5.0',
        'node_modules',
        'better-sqlite3-multiple-ciphers',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    );
  });

  it('use the copy in the resources folder when packaged', () => {
    expect(nativeBindingPath({ isPackaged: true, appPath: '/r/app.asar', resourcesPath: '/r', electronVersion: '45.5.0' })).toBe(
      join('/r', 'native', 'better_sqlite3.node'),
    );
  });
});
