import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { checkPackagedFuses, expectedFuses, FUSE_OPTIONS } from '../../scripts/fuse-check.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 8;

/** A stand-in for a packaged Electron binary: some bytes, the fuse sentinel, version 1, the wire, more bytes. */
function fakeElectron(path: string, states: Partial<Record<FuseV1Options, FuseState>>): void {
  const wire = Array.from({ length: WIRE_LENGTH }, (_, index) => states[index as FuseV1Options] ?? FuseState.ENABLE);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from(SENTINEL, 'latin1'),
      Buffer.from([1, WIRE_LENGTH, ...wire]),
      Buffer.alloc(512),
    ]),
  );
}

/** The wire electron-builder.yml asks for. */
function asConfigured(): Partial<Record<FuseV1Options, FuseState>> {
  const expected = expectedFuses(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  return Object.fromEntries(
    Object.entries(expected).map(([name, on]) => [FUSE_OPTIONS[name], on ? FuseState.ENABLE : FuseState.DISABLE]),
  );
}

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'polku-fuses-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('reading the fuses back from the packaged app', () => {
  it('passes when every fuse is as electron-builder.yml sets it', async () => {
    fakeElectron(join(dist, 'linux-unpacked', 'polku'), asConfigured());
    await expect(checkPackagedFuses(root, dist, 'Polku', 'polku')).resolves.toEqual([join(dist, 'linux-unpacked', 'polku')]);
  });

  it("fails, naming the fuse, when the binary still lets Node's inspector in", async () => {
    fakeElectron(join(dist, 'win-unpacked', 'Polku.exe'), {
      ...asConfigured(),
      [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE,
    });
    await expect(checkPackagedFuses(root, dist, 'Polku', 'polku')).rejects.toThrow(
      /enableNodeCliInspectArguments is on, not off/,
    );
  });

  it('fails on a fuse the binary has removed, and when there is no packaged app to read', async () => {
    fakeElectron(join(dist, 'linux-unpacked', 'polku'), {
      ...asConfigured(),
      [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.REMOVED,
    });
    await expect(checkPackagedFuses(root, dist, 'Polku', 'polku')).rejects.toThrow(/onlyLoadAppFromAsar is removed, not on/);
    rmSync(join(dist, 'linux-unpacked'), { recursive: true });
    await expect(checkPackagedFuses(root, dist, 'Polku', 'polku')).rejects.toThrow(/no packaged app found/);
  });
});

describe('the fuses electron-builder.yml asks for', () => {
  it('are read from its electronFuses block, the hardening ones off', () => {
    const expected = expectedFuses(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    expect(expected).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('refuse a block they cannot read rather than check less', () => {
    expect(() => expectedFuses('appId: x\n')).toThrow(/no electronFuses/);
    expect(() => expectedFuses('electronFuses:\n  runAsNode: no\n')).toThrow(/cannot read/);
    expect(() => expectedFuses('electronFuses:\n  someNewFuse: true\n')).toThrow(/cannot read/);
  });
});
