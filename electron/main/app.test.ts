import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/bridge';
import type { Core, CoreListener, CoreOptions } from '../core/types';
import { startPolku } from './app';
import { nativeBindingPath } from './paths';
import {
  app,
  becomeReady,
  dialog,
  FakeBrowserWindow,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  resetFakeElectron,
  session,
} from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const cores = vi.hoisted(() => ({ created: [] as Array<{ options: unknown; core: unknown }>, locale: 'fi', fail: false }));

vi.mock('../core/app-core', () => ({
  createCore: (options: unknown) => {
    if (cores.fail) throw new Error('EACCES: permission denied, open /home/someone/polku.keys');
    const listeners = new Set<CoreListener>();
    const core = {
      listeners,
      dispatch: vi.fn((channel: string) =>
        Promise.resolve(
          channel === 'vault.status' ? { ok: true, value: { state: 'locked', locale: cores.locale } } : { ok: true, value: null },
        ),
      ),
      lock: vi.fn(),
      subscribe: vi.fn((listener: CoreListener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }),
      checkIdle: vi.fn(),
      close: vi.fn(),
    };
    cores.created.push({ options, core });
    return core;
  },
}));

type FakeCore = Core & { listeners: Set<CoreListener>; dispatch: ReturnType<typeof vi.fn>; lock: ReturnType<typeof vi.fn> };

let base: string;
let appPath: string;
let dataDir: string;

function theCore(): { options: CoreOptions; core: FakeCore } {
  const created = cores.created.at(-1);
  if (!created) throw new Error('no core was created');
  return created as { options: CoreOptions; core: FakeCore };
}

function theWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

function currentMenu(): MenuItemConstructorOptions[] {
  const built = Menu.buildFromTemplate.mock.results.at(-1)?.value as { template: MenuItemConstructorOptions[] } | undefined;
  if (!built) throw new Error('no menu was built');
  return built.template;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  resetFakeElectron();
  cores.created = [];
  cores.locale = 'fi';
  cores.fail = false;
  base = mkdtempSync(join(tmpdir(), 'polku-app-'));
  appPath = join(base, 'project');
  dataDir = join(base, 'data', 'vault');
  app.getAppPath.mockReturnValue(appPath);
  Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
  const binding = nativeBindingPath({ isPackaged: false, appPath, resourcesPath: '', electronVersion: '45.5.0' });
  mkdirSync(dirname(binding), { recursive: true });
  writeFileSync(binding, 'binary');
  vi.stubEnv('POLKU_DATA_DIR', dataDir);
});

afterEach(() => {
  app.emit('will-quit');
  vi.unstubAllEnvs();
  Reflect.deleteProperty(process.versions, 'electron');
  rmSync(base, { recursive: true, force: true });
});

describe('before Electron is ready', () => {
  it('names the app Polku, sandboxes every renderer, registers app:// and hardens every web contents', () => {
    startPolku();
    expect(app.setName).toHaveBeenCalledWith('Polku');
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(cores.created).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('tells Chromium the interface language saved in the data folder before it is ready, whatever the system locale', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'polku.prefs.json'), JSON.stringify({ locale: 'en' }));
    vi.stubEnv('LANG', 'en_US.UTF-8');
    startPolku();
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');
    expect(app.commandLine.appendSwitch.mock.invocationCallOrder[0]!).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('starts Chromium in Finnish when no language has been chosen yet', () => {
    startPolku();
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'fi');
  });

  it('keys the single-instance lock to the data folder, so each vault has one instance', () => {
    startPolku();
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
  });

  it('quits at once as a second instance, starting nothing', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    startPolku();
    await becomeReady();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(cores.created).toHaveLength(0);
  });
});

describe('once ready', () => {
  it('opens the core on the data folder, created for its owner only, with the Electron build of the database module', async () => {
    startPolku();
    await becomeReady();
    const { options } = theCore();
    expect(options).toEqual({
      dataDir,
      nativeBinding: join(
        appPath,
        '.native',
        'electron-45.5.0',
        'node_modules',
        'better-sqlite3-multiple-ciphers',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
      shell: {
        chooseSavePath: expect.any(Function),
        chooseOpenPath: expect.any(Function),
        renderPdf: expect.any(Function),
        printHtml: expect.any(Function),
      },
    });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('refuses to start, saying why, when the database module for Electron is missing', async () => {
    rmSync(join(appPath, '.native'), { recursive: true });
    startPolku();
    await becomeReady();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(cores.created).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('says it could not start, without the reason’s text, and exits when the core cannot be opened', async () => {
    cores.fail = true;
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startPolku();
    await becomeReady();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(JSON.stringify([stderr.mock.calls, dialog.showErrorBox.mock.calls])).not.toContain('someone');
    stderr.mockRestore();
  });

  it('shows the window on an in-memory session that is hardened and serves app://', async () => {
    startPolku();
    await becomeReady();
    expect(session.fromPartition).toHaveBeenCalledExactlyOnceWith('polku');
    const windowSession = session.partitions.get('polku');
    expect(windowSession?.partition.startsWith('persist:')).toBe(false);
    const preferences = theWindow().options.webPreferences as Record<string, unknown>;
    expect(preferences.session).toBe(windowSession);
    expect(preferences.preload).toBe(join(appPath, 'out', 'preload', 'index.cjs'));
    expect(windowSession?.protocolHandlers.has('app')).toBe(true);
    for (const hardened of [windowSession, session.defaultSession]) {
      expect(hardened?.webRequest.onBeforeRequest).toHaveBeenCalled();
      expect(hardened?.setPermissionRequestHandler).toHaveBeenCalled();
      expect(hardened?.setPermissionCheckHandler).toHaveBeenCalled();
      expect(hardened?.listenerCount('will-download')).toBe(1);
    }
    expect(session.defaultSession.protocolHandlers.size).toBe(0);
  });

  it('routes requests from the window to the core and core events to the window', async () => {
    startPolku();
    await becomeReady();
    expect(ipcMain.handle).toHaveBeenCalledWith(INVOKE_CHANNEL, expect.any(Function));
    for (const listener of theCore().core.listeners) listener('locked', { reason: 'idle' });
    expect(theWindow().webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'locked', { reason: 'idle' });
  });

  it('locks the core on sleep and screen lock', async () => {
    startPolku();
    await becomeReady();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(theCore().core.lock.mock.calls).toEqual([['suspend'], ['screen-lock']]);
  });

  it('installs the menu in the language the vault reports, and again after the language changes', async () => {
    cores.locale = 'en';
    startPolku();
    await becomeReady();
    await settle();
    expect(currentMenu()[0]?.label).toBe('File');

    cores.locale = 'sv';
    const handler = ipcMain.handle.mock.calls.find(([channel]) => channel === INVOKE_CHANNEL)?.[1] as
      | ((event: unknown, channel: unknown, input: unknown) => Promise<unknown>)
      | undefined;
    const window = theWindow();
    window.webContents.mainFrame.url = 'app://polku/index.html';
    await handler?.({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'prefs.setLocale', {
      locale: 'sv',
    });
    await settle();
    expect(currentMenu()[0]?.label).toBe('Arkiv');
  });

  it("clears the system's recent-documents list on macOS and Windows", async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'darwin', configurable: true });
    try {
      startPolku();
      await becomeReady();
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
    expect(app.clearRecentDocuments).toHaveBeenCalledTimes(1);
  });

  it('brings the first window forward when a second instance starts', async () => {
    startPolku();
    await becomeReady();
    const window = theWindow();
    window.isMinimized.mockReturnValue(true);
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('an installed (packaged) Polku', () => {
  function startPackaged(argv: string[] = []): void {
    app.isPackaged = true;
    const saved = process.argv;
    process.argv = ['/opt/Polku/polku', ...argv];
    try {
      startPolku();
    } finally {
      process.argv = saved;
    }
  }

  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-pipe'],
    ['-remote-debugging-port=9222'],
    ['--inspect'],
    ['--inspect-brk=9229'],
    ['--inspect-port=0'],
  ])('quits at once, opening nothing, when started with %s', async (option) => {
    vi.stubEnv('POLKU_DATA_DIR', '');
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startPackaged([option]);
    await becomeReady();
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(cores.created).toHaveLength(0);
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain(option);
    stderr.mockRestore();
  });

  it("quits when NODE_OPTIONS carries Node's inspector", () => {
    vi.stubEnv('POLKU_DATA_DIR', '');
    vi.stubEnv('NODE_OPTIONS', '--max-old-space-size=4096 --inspect=0.0.0.0:9229');
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startPackaged();
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    stderr.mockRestore();
  });

  it.each([
    ['--data-dir', ['--data-dir=/tmp/elsewhere'], ''],
    ['POLKU_DATA_DIR', [], '/tmp/elsewhere'],
  ])('refuses a data folder given by %s, naming the administrator setting instead', (_, argv, env) => {
    vi.stubEnv('POLKU_DATA_DIR', env);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startPackaged(argv);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(app.setPath).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('data-dir');
    stderr.mockRestore();
  });

  it('opens the operating system’s own data folder when nothing is asked', () => {
    vi.stubEnv('POLKU_DATA_DIR', '');
    vi.stubEnv('NODE_OPTIONS', '');
    app.setPath('userData', dataDir);
    startPackaged();
    expect(app.exit).not.toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.whenReady).toHaveBeenCalled();
  });
});

describe('a development run', () => {
  it('keeps --data-dir and may be debugged', () => {
    vi.stubEnv('POLKU_DATA_DIR', '');
    const saved = process.argv;
    process.argv = ['electron', '.', `--data-dir=${dataDir}`, '--remote-debugging-port=9222'];
    try {
      startPolku();
    } finally {
      process.argv = saved;
    }
    expect(app.exit).not.toHaveBeenCalled();
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
  });
});

describe('quitting', () => {
  it('closes the core (locking the vault) before the app quits', async () => {
    startPolku();
    await becomeReady();
    app.emit('before-quit', {});
    expect(theCore().core.close).toHaveBeenCalledTimes(1);
  });

  it('happens when the window is closed, on every platform', async () => {
    startPolku();
    await becomeReady();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });
});
