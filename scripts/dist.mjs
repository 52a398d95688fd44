// `npm run dist`: installers for this operating system. Builds the database module for Electron, stages it
// where electron-builder.yml takes it from (.native/dist/better_sqlite3.node -> resources/native/), builds
// the app and packs it with electron-builder (which never rebuilds node_modules: npmRebuild is false).
// Arguments go to electron-builder, e.g. `npm run dist -- --linux AppImage` or `-- --dir` for an unpacked app.
// Needs an internet connection (Electron for packaging, Electron's headers); build on each target OS.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureElectronNative } from './native-electron.mjs';

const root = resolve(import.meta.dirname, '..');
const STAGED = join(root, '.native', 'dist', 'better_sqlite3.node');

function exitCode(script, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolvePromise(1));
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

async function main() {
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
}

main().catch((error) => {
  console.error(`npm run dist: ${error.message}`);
  process.exit(1);
});
