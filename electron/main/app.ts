/** The application's life: what must happen before `ready`, the order of start-up, and shutting down. */
import { existsSync } from 'node:fs';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { CHROMIUM_LANG } from '@shared/typed-dates';
import { createCore } from '../core/app-core';
import { readLocale } from '../core/prefs';
import { vaultFiles } from '../core/vault/files';
import type { Core } from '../core/types';
import { registerIpc } from './ipc';
import { adminSettingPath, packagedStart, readAdminSetting } from './launch';
import { installLocalizedMenu, LOCALE_CHANGING_CHANNELS } from './menu';
import { dataDirFrom, ensureDataDir, nativeBindingPath, preloadPath, rendererDir, windowIconPath } from './paths';
import { watchLockTriggers } from './power';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createShell } from './shell';
import { createMainWindow } from './window';

export const APP_NAME = 'Polku';
/** No 'persist:' prefix: the window's session lives in memory, so Chromium writes no cache or storage to disk. */
export const SESSION_PARTITION = 'polku';

const MISSING_NATIVE_MODULE =
  'The database module for this Electron version is missing. Start Polku with `npm start`, which prepares it.';
const START_FAILED = 'Polku could not start. Check that its data folder exists and can be written to, then start it again.';

interface Running {
  window: BrowserWindow | null;
  core: Core | null;
}

/** Starts Polku: one instance, hardened before anything loads, the core behind one window. */
export function startPolku(): void {
  app.setName(APP_NAME);
  const dataDir = chooseDataDir();
  if (dataDir === null) return;
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents();
  // One instance per data folder: Electron keys the single-instance lock (and its own files) to userData.
  if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);
  // Chromium takes its language (its own widgets, navigator.language) once, before ready: the interface language
  // saved last time. A switch later is not seen by Chromium until the next start; the date fields do not need it.
  app.commandLine.appendSwitch('lang', CHROMIUM_LANG[readLocale(vaultFiles(dataDir).prefs)]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const running: Running = { window: null, core: null };
  app.on('second-instance', () => {
    const { window } = running;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => running.core?.close());

  void app
    .whenReady()
    .then(() => openPolku(running))
    .catch((error: unknown) => {
      // The error's name only: messages can carry paths with the user's name.
      console.error(`polku start-failed ${error instanceof Error ? error.name : typeof error}`);
      dialog.showErrorBox(APP_NAME, START_FAILED);
      app.exit(1);
    });
}

/**
 * The data folder. A development run takes `--data-dir` or POLKU_DATA_DIR; an installed Polku quits, saying why, on a
 * debugging switch or a data folder asked for that way, and takes another folder only from the administrator's
 * setting (electron/main/launch.ts).
 */
function chooseDataDir(): string | null {
  if (!app.isPackaged) return dataDirFrom(process.argv, process.env, app.getPath('userData'));
  const start = packagedStart({
    argv: process.argv,
    env: process.env,
    platform: process.platform,
    userDataPath: app.getPath('userData'),
    adminSetting: readAdminSetting(adminSettingPath(process.platform, process.env), process.platform),
  });
  if (start.ok) return start.dataDir;
  console.error(`polku refused-start ${start.message}`);
  dialog.showErrorBox(APP_NAME, start.message);
  app.exit(1);
  return null;
}

/** Once Electron is ready: the core on the data folder, the hardened session, IPC, lock triggers, menu, window. */
function openPolku(running: Running): void {
  const isPackaged = app.isPackaged;
  const appPath = app.getAppPath();
  const nativeBinding = nativeBindingPath({
    isPackaged,
    appPath,
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
  });
  if (!existsSync(nativeBinding)) {
    dialog.showErrorBox(APP_NAME, MISSING_NATIVE_MODULE);
    app.exit(1);
    return;
  }
  if (process.platform === 'darwin' || process.platform === 'win32') app.clearRecentDocuments();

  const dataDir = ensureDataDir(app.getPath('userData'));
  const core = createCore({ dataDir, nativeBinding, shell: createShell({ window: () => running.window }) });
  running.core = core;

  const windowSession = session.fromPartition(SESSION_PARTITION);
  hardenSession(windowSession, { allowDevTools: !isPackaged });
  hardenSession(session.defaultSession, { allowDevTools: !isPackaged });
  serveRenderer(windowSession, rendererDir(appPath));

  const menu = { isPackaged, platform: process.platform };
  registerIpc({
    core,
    window: () => running.window,
    onSuccess: (channel) => {
      if (LOCALE_CHANGING_CHANNELS.has(channel)) void installLocalizedMenu(core, menu);
    },
  });
  void installLocalizedMenu(core, menu);
  app.on('will-quit', watchLockTriggers(core));

  const icon = windowIconPath({ isPackaged, appPath, resourcesPath: process.resourcesPath });
  const window = createMainWindow({ preloadPath: preloadPath(appPath), session: windowSession, isPackaged, icon });
  running.window = window;
  window.on('closed', () => {
    running.window = null;
  });
}
