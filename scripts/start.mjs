// `npm start`: fetch the Electron runtime if it is not there yet (Electron 42+ downloads it on first use),
// build the database module for Electron, build the app, and run it. Arguments are passed to the app
// (`npm start -- --data-dir=/path`).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ensureElectronNative } from './native-electron.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const ELECTRON_DIR = join(root, 'node_modules', 'electron');
// About 100 MB; a slow line gets time, a dead one does not hang the command.
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const OFFLINE =
  'npm start: the Electron runtime is not installed and could not be downloaded (no internet connection?). ' +
  'Connect to the internet and run `npm start` again, or run `npm run preview` to use the same app in a local Chromium window.';

/** Whether node_modules/electron holds its binary, checked the way its install.js checks (without downloading). */
function electronInstalled() {
  try {
    const version = JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')).version;
    const installed = readFileSync(join(ELECTRON_DIR, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim();
    const executable = readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8');
    return installed === version && existsSync(join(ELECTRON_DIR, 'dist', executable));
  } catch {
    return false;
  }
}

function exitCode(command, args, { timeoutMs, quiet = false, env = process.env } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, env, stdio: quiet ? 'ignore' : 'inherit' });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : null;
    child.on('error', () => resolvePromise(1));
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise(code ?? 1);
    });
  });
}

async function fetchElectron() {
  if (electronInstalled()) return true;
  console.log('npm start: downloading the Electron runtime (once, about 100 MB)…');
  // install.js is what `require('electron')` would run, but synchronously and without a time limit.
  await exitCode(process.execPath, [join(ELECTRON_DIR, 'install.js')], { timeoutMs: DOWNLOAD_TIMEOUT_MS, quiet: true });
  return electronInstalled();
}

function launch(electronPath, args) {
  const env = { ...process.env };
  // Set, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, ['.', ...args], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

async function main() {
  if (!(await fetchElectron())) {
    console.error(OFFLINE);
    return 1;
  }
  try {
    await ensureElectronNative();
  } catch (error) {
    console.error(`npm start: ${error.message}`);
    return 1;
  }
  const build = await exitCode(process.execPath, [
    join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
  ]);
  if (build !== 0) {
    console.error('npm start: building the app failed (see above).');
    return 1;
  }
  launch(require('electron'), process.argv.slice(2));
  return null;
}

main().then((code) => {
  if (code !== null) process.exit(code);
});
