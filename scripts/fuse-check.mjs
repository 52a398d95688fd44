// Reads the Electron fuses back from a packaged app and compares them with what electron-builder.yml asks for
// (`electronFuses`), so that `npm run dist` fails on a binary whose fuses are not what the security model relies on.
// Used by scripts/dist.mjs after electron-builder; tests/unit/fuse-check.test.ts runs it on a fixture binary.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
// The package's index does not re-export the states of a fuse.
import { FuseState } from '@electron/fuses/dist/constants.js';

/** electron-builder's names for the fuses (electron-builder.yml) and their place in the fuse wire. */
export const FUSE_OPTIONS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** The `electronFuses:` block of electron-builder.yml: `name: true|false` lines, every name one we know. */
export function expectedFuses(yamlText) {
  const lines = yamlText.split('\n');
  const start = lines.findIndex((line) => /^electronFuses:\s*(#.*)?$/.test(line));
  if (start === -1) throw new Error('electron-builder.yml has no electronFuses block');
  const expected = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const body = line.replace(/#.*$/, '').trim();
    if (body === '') continue;
    const match = /^(\w+):\s*(true|false)$/.exec(body);
    if (!match || !(match[1] in FUSE_OPTIONS)) throw new Error(`electronFuses: cannot read "${body}"`);
    expected[match[1]] = match[2] === 'true';
  }
  if (Object.keys(expected).length === 0) throw new Error('electron-builder.yml sets no fuses');
  return expected;
}

const STATE_NAMES = { [FuseState.ENABLE]: 'on', [FuseState.DISABLE]: 'off', [FuseState.REMOVED]: 'removed' };

/** Every fuse whose state in `wire` (from getCurrentFuseWire) is not the one expected, as sentences; empty when all match. */
export function fuseMismatches(expected, wire) {
  if (wire.version !== FuseVersion.V1) return [`the binary's fuse wire is version ${wire.version}, not ${FuseVersion.V1}`];
  const mismatches = [];
  for (const [name, on] of Object.entries(expected)) {
    const state = wire[FUSE_OPTIONS[name]];
    const want = on ? FuseState.ENABLE : FuseState.DISABLE;
    if (state !== want) {
      mismatches.push(
        `${name} is ${STATE_NAMES[state] ?? (state === undefined ? 'missing' : `state ${state}`)}, not ${on ? 'on' : 'off'}`,
      );
    }
  }
  return mismatches;
}

/** The Electron binaries electron-builder left in `distDir` (the unpacked app of each platform built). */
export function packagedBinaries(distDir, productName, executableName) {
  if (!existsSync(distDir)) return [];
  const found = [];
  for (const entry of readdirSync(distDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(distDir, entry.name);
    const candidates = entry.name.startsWith('mac')
      ? [join(dir, `${productName}.app`)]
      : [join(dir, `${productName}.exe`), join(dir, executableName), join(dir, productName)];
    const binary = candidates.find((path) => existsSync(path));
    if (binary) found.push(binary);
  }
  return found;
}

/** Reads every packaged binary's fuses; throws, naming each mismatch, unless all are as electron-builder.yml says. */
export async function checkPackagedFuses(root, distDir, productName, executableName) {
  const expected = expectedFuses(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const binaries = packagedBinaries(distDir, productName, executableName);
  if (binaries.length === 0) throw new Error(`no packaged app found in ${distDir} to read the fuses from`);
  const problems = [];
  for (const binary of binaries) {
    for (const mismatch of fuseMismatches(expected, await getCurrentFuseWire(binary))) problems.push(`${binary}: ${mismatch}`);
  }
  if (problems.length > 0) throw new Error(`the packaged fuses are not as electron-builder.yml says:\n${problems.join('\n')}`);
  return binaries;
}
