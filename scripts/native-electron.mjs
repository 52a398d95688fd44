// Builds better-sqlite3-multiple-ciphers for Electron's ABI into .native/electron-<version>/, beside the Node
// build in node_modules, which the tests load and which this script never touches. The main process loads the
// result through the driver's `nativeBinding` option (electron/main/paths.ts names the same file).
//
// `node scripts/native-electron.mjs` builds if needed and prints the path of the binary.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const MODULE = 'better-sqlite3-multiple-ciphers';
const MODULE_DIR = join(root, 'node_modules', MODULE);
// prebuild-install is the module's own dependency, so resolve it from there.
const requireFromModule = createRequire(join(MODULE_DIR, 'package.json'));
// Where node-gyp fetches Electron's headers (Node's own headers would give a binary Electron cannot load).
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const DOWNLOAD_TIMEOUT_MS = 3 * 60_000;
const COMPILE_TIMEOUT_MS = 30 * 60_000;
// npm passes its configuration to child processes as npm_config_*; these would point node-gyp or
// prebuild-install at Node instead of Electron (this machine's npm config sets nodedir=/usr, for example).
const TARGET_SETTINGS =
  /^npm_(package_config_node_gyp_|config_)(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source)$/i;

/** The installed Electron's version and its NODE_MODULE_VERSION. */
export function electronTarget() {
  const electronDir = join(root, 'node_modules', 'electron');
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

/** The folder of the Electron build of the module, and its binary. */
export function electronNativePaths(electronVersion) {
  const base = join(root, '.native', `electron-${electronVersion}`);
  const moduleDir = join(base, 'node_modules', MODULE);
  return {
    base,
    moduleDir,
    binding: join(moduleDir, 'build', 'Release', 'better_sqlite3.node'),
    marker: join(base, 'build.json'),
  };
}

/** True when a compiled module registers itself for the given NODE_MODULE_VERSION (it names the ABI in a symbol). */
export function builtForAbi(bindingPath, abi) {
  if (!existsSync(bindingPath)) return false;
  return readFileSync(bindingPath).includes(Buffer.from(`node_register_module_v${abi}\0`));
}

function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (TARGET_SETTINGS.test(key)) delete env[key];
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function run(command, args, { cwd, timeoutMs, log }) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (log) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise({ ok: false, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ ok: code === 0, output });
    });
  });
}

/** node-gyp from node_modules, else the copy npm ships (npm names it in npm_config_node_gyp for scripts). */
function nodeGypScript() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
    throw new Error('node-gyp was not found; run `npm install`');
  }
}

function copyModule(moduleDir) {
  rmSync(moduleDir, { recursive: true, force: true });
  mkdirSync(moduleDir, { recursive: true });
  // Everything but the Node build: the sources, binding.gyp and the JavaScript.
  cpSync(MODULE_DIR, moduleDir, {
    recursive: true,
    filter: (source) => {
      const rel = relative(MODULE_DIR, source);
      return rel !== 'build' && !rel.startsWith(`build${sep}`);
    },
  });
}

/**
 * Makes sure the Electron build of the database module exists and returns its path. Builds it when missing
 * or made for another Electron or module version: first a prebuilt binary (prebuild-install), then from
 * source with node-gyp against Electron's headers. Throws with a short reason when neither works.
 */
export async function ensureElectronNative({ verbose = false } = {}) {
  const { version, abi } = electronTarget();
  const moduleVersion = JSON.parse(readFileSync(join(MODULE_DIR, 'package.json'), 'utf8')).version;
  const paths = electronNativePaths(version);
  const wanted = { electron: version, abi, module: moduleVersion };
  if (existsSync(paths.marker) && builtForAbi(paths.binding, abi)) {
    const built = JSON.parse(readFileSync(paths.marker, 'utf8'));
    if (built.electron === version && built.module === moduleVersion) return paths.binding;
  }

  copyModule(paths.moduleDir);
  rmSync(paths.marker, { force: true });
  const options = { cwd: paths.moduleDir, log: verbose };
  const platform = ['--arch', process.arch, '--platform', process.platform];

  const prebuilt = await run(
    process.execPath,
    [requireFromModule.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, ...platform],
    { ...options, timeoutMs: DOWNLOAD_TIMEOUT_MS },
  );
  if (!(prebuilt.ok && builtForAbi(paths.binding, abi))) {
    const nodeGyp = nodeGypScript();
    const target = [`--target=${version}`, `--arch=${process.arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`, '--runtime=electron'];
    const headers = await run(process.execPath, [nodeGyp, 'install', ...target], { ...options, timeoutMs: DOWNLOAD_TIMEOUT_MS });
    if (!headers.ok) {
      throw new Error(
        `could not download the Electron ${version} headers needed to build the database module (no internet connection?)`,
      );
    }
    const compiled = await run(process.execPath, [nodeGyp, 'rebuild', '--release', ...target], {
      ...options,
      timeoutMs: COMPILE_TIMEOUT_MS,
    });
    if (!compiled.ok) {
      const lastLines = compiled.output.trim().split('\n').slice(-5).join('\n');
      throw new Error(`building the database module for Electron ${version} failed (needs g++, make and python3):\n${lastLines}`);
    }
  }
  // A build against Node's headers would "succeed" and then fail to load in Electron: check the ABI itself.
  if (!builtForAbi(paths.binding, abi)) {
    throw new Error(`the database module was built, but not for Electron ${version} (NODE_MODULE_VERSION ${abi})`);
  }
  writeFileSync(paths.marker, `${JSON.stringify(wanted, null, 2)}\n`);
  return paths.binding;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  ensureElectronNative({ verbose: process.argv.includes('--verbose') }).then(
    (binding) => console.log(binding),
    (error) => {
      console.error(`native-electron: ${error.message}`);
      process.exit(1);
    },
  );
}
