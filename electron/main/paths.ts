/** Where things are: the data folder, the built renderer and preload, the database module for this runtime. */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DATA_DIR_ARGUMENT = '--data-dir=';

/** The data folder: `--data-dir=<path>`, else POLKU_DATA_DIR, else the OS user-data folder. */
export function dataDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv, userDataPath: string): string {
  const argument = argv.find((arg) => arg.startsWith(DATA_DIR_ARGUMENT))?.slice(DATA_DIR_ARGUMENT.length);
  if (argument) return resolve(argument);
  if (env.POLKU_DATA_DIR) return resolve(env.POLKU_DATA_DIR);
  return userDataPath;
}

/** Creates the data folder readable by its owner only, and tightens an existing one the user owns. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    const stat = statSync(dir);
    if (stat.uid === process.getuid?.() && (stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  }
  return dir;
}

/** The built renderer inside the app (a folder in development, inside app.asar when packaged). */
export function rendererDir(appPath: string): string {
  return join(appPath, 'out', 'renderer');
}

/** The built preload; CommonJS because a sandboxed preload cannot be an ES module. */
export function preloadPath(appPath: string): string {
  return join(appPath, 'out', 'preload', 'index.cjs');
}

export interface NativeBindingLocation {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
  electronVersion: string;
}

/**
 * The better-sqlite3-multiple-ciphers binary built for Electron's ABI. In development it is the build that
 * scripts/native-electron.mjs made beside node_modules (which keeps the Node build for the tests); packaged,
 * electron-builder.yml copies it to resources/native.
 */
export function nativeBindingPath(location: NativeBindingLocation): string {
  if (location.isPackaged) return join(location.resourcesPath, 'native', 'better_sqlite3.node');
  return join(
    location.appPath,
    '.native',
    `electron-${location.electronVersion}`,
    'node_modules',
    'better-sqlite3-multiple-ciphers',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

/**
 * The window's own icon (Linux shows it for the window; Windows and macOS take the packaged app's icon): the
 * PNG scripts/icons.mjs made in resources/icons, copied by electron-builder.yml to resources/icons/polku.png.
 */
export function windowIconPath(location: Omit<NativeBindingLocation, 'electronVersion'>): string {
  if (location.isPackaged) return join(location.resourcesPath, 'icons', 'polku.png');
  return join(location.appPath, 'resources', 'icons', '512x512.png');
}
