// `npm run dist`: installers for this operating system. Empties out/ and dist/ first (a preview or stale build
// must never be packed, nor an older app's fuses checked), builds the database module for Electron, stages it
// where electron-builder.yml takes it from (.native/dist/better_sqlite3.node -> resources/native/), builds
// the app and packs it with electron-builder (which never rebuilds node_modules: npmRebuild is false), then
// reads the fuses back from every packaged binary and fails unless they are as electron-builder.yml sets them.
// Arguments go to electron-builder, e.g. `npm run dist -- --linux AppImage` or `-- --dir` for an unpacked app.
// Needs an internet connection (Electron for packaging, Electron's headers); build on each target OS.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPackagedFuses } from './fuse-check.mjs';
import { ensureElectronNative } from './native-electron.mjs';

const root = resolve(import.meta.dirname, '..');
const STAGED = join(root, '.native', 'dist', 'better_sqlite3.node');

function exitCode(script, args) {
  return new Promise((resolvePromise) => {
    // The build goes to out/, which is what electron-builder.yml packs, whatever POLKU_OUT_DIR says.
    const { POLKU_OUT_DIR: _elsewhere, ...env } = process.env;
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env });
    child.on('error', () => resolvePromise(1));
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

async function main() {
  for (const folder of ['out', 'dist']) rmSync(join(root, folder), { recursive: true, force: true });
  const binding = await ensureElectronNative({ verbose: true });
  mkdirSync(join(root, '.native', 'dist'), { recursive: true });
  copyFileSync(binding, STAGED);
  if ((await exitCode(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build'])) !== 0) {
    throw new Error('building the app failed (see above)');
  }
  const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
  if ((await exitCode(builder, ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)])) !== 0) {
    throw new Error('electron-builder failed (see above)');
  }
  for (const binary of await checkPackagedFuses(root, join(root, 'dist'), 'Polku', 'polku')) {
    console.log(`npm run dist: fuses as electron-builder.yml sets them in ${binary}`);
  }
}

main().catch((error) => {
  console.error(`npm run dist: ${error.message}`);
  process.exit(1);
});
