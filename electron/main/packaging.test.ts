import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFuses } from '../../scripts/fuse-check.mjs';
import { nativeBindingPath, windowIconPath } from './paths';

type Value = string | boolean | null | Value[] | { [key: string]: Value };

function scalar(text: string): Value {
  const value = text.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null' || value === '~') return null;
  if (/^'.*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/.test(value)) return value.slice(1, -1);
  return value;
}

/**
 * Reads the small YAML subset electron-builder.yml is written in: comments, `key: scalar`, and under a key
 * either `key: scalar` lines or `- item` lines (an item may be a small mapping). Anything else throws.
 */
function parseFlatYaml(text: string): Record<string, Value> {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').replace(/^#.*$/, ''))
    .filter((line) => line.trim() !== '');
  const result: Record<string, Value> = {};
  let current: string | null = null;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (indent === 0) {
      const match = /^([A-Za-z][\w-]*):(.*)$/.exec(body);
      if (!match) throw new Error(`unexpected top-level line: ${line}`);
      const [, key = '', rest = ''] = match;
      current = rest.trim() === '' ? key : null;
      result[key] = rest.trim() === '' ? null : scalar(rest);
      continue;
    }
    if (current === null) throw new Error(`indented line without a parent: ${line}`);
    const container = result[current];
    if (body.startsWith('- ')) {
      const list = Array.isArray(container) ? container : container === null ? [] : null;
      if (!list) throw new Error(`a list item inside a mapping: ${line}`);
      const item = /^([A-Za-z][\w-]*):\s+(.*)$/.exec(body.slice(2));
      list.push(item ? { [item[1] ?? '']: scalar(item[2] ?? '') } : scalar(body.slice(2)));
      result[current] = list;
      continue;
    }
    const pair = /^([A-Za-z][\w-]*):\s+(.*)$/.exec(body);
    if (!pair) throw new Error(`unexpected line: ${line}`);
    if (Array.isArray(container) && indent >= 4) {
      const last = container.at(-1);
      if (typeof last !== 'object' || last === null || Array.isArray(last))
        throw new Error(`continuation without a mapping: ${line}`);
      last[pair[1] ?? ''] = scalar(pair[2] ?? '');
      continue;
    }
    const map = container === null ? {} : container;
    if (typeof map !== 'object' || Array.isArray(map)) throw new Error(`a mapping line inside a list: ${line}`);
    map[pair[1] ?? ''] = scalar(pair[2] ?? '');
    result[current] = map;
  }
  return result;
}

const yamlText = readFileSync(join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
const config = parseFlatYaml(yamlText);

describe('the packaged app (electron-builder.yml)', () => {
  it('is Polku, under a neutral id', () => {
    expect(config.productName).toBe('Polku');
    expect(config.appId).toBe('fi.polku.app');
  });

  it('sets every Electron fuse the hardening needs', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the build and package.json, into an ASAR archive', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    expect(files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });

  it("leaves out the database module's sources and its Node build", () => {
    expect(config.files).toContain('!**/node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**');
  });

  it('never rebuilds node_modules (the Node build there serves the tests)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('ships the Electron build of the database module where the main process looks for it', () => {
    expect(config.extraResources).toContainEqual({ from: '.native/dist/better_sqlite3.node', to: 'native/better_sqlite3.node' });
  });

  it('declares the fuses `npm run dist` reads back from the binaries: its reader and this one agree', () => {
    expect(expectedFuses(yamlText)).toEqual(config.electronFuses);
  });

  it('packs into one ASAR archive with nothing left outside it, as the ASAR-only and integrity fuses need', () => {
    const fuses = config.electronFuses as Record<string, boolean>;
    expect(fuses.onlyLoadAppFromAsar && fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(config.asar).toBe(true);
    expect(config).not.toHaveProperty('asarUnpack');
  });

  it('puts the database module and the icon where the packaged main process looks for them (paths.ts)', () => {
    const resources = join('/', 'resources');
    const looked = (path: string) => relative(resources, path).split('\\').join('/');
    const extra = config.extraResources as Array<{ from: string; to: string }>;
    expect(extra.map((entry) => entry.to)).toEqual([
      looked(nativeBindingPath({ isPackaged: true, appPath: '/app.asar', resourcesPath: resources, electronVersion: '1' })),
      looked(windowIconPath({ isPackaged: true, appPath: '/app.asar', resourcesPath: resources })),
    ]);
  });

  it('publishes nothing anywhere', () => {
    expect(config.publish).toBeNull();
  });
});

describe('the YAML reader of this test', () => {
  it('refuses structures it does not understand instead of misreading them', () => {
    expect(() => parseFlatYaml('a:\n  - x\n  b: y\n')).toThrow();
    expect(() => parseFlatYaml('  a: b\n')).toThrow();
    expect(() => parseFlatYaml('a: [x, y]\nb c\n')).toThrow();
  });
});
