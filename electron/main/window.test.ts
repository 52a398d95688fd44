import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { FakeBrowserWindow, FakeEvent, FakeSession, resetFakeElectron } from './testing/fake-electron';
import { createMainWindow } from './window';

vi.mock('electron', () => import('./testing/fake-electron'));

const windowSession = new FakeSession('polku');

function openWindow(isPackaged: boolean): FakeBrowserWindow {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', session: windowSession as unknown as Session, isPackaged });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

beforeEach(() => resetFakeElectron());

describe('the main window', () => {
  it("shows Polku's own icon when it is given one, not Electron's", () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      session: windowSession as unknown as Session,
      isPackaged: true,
      icon: '/r/icons/polku.png',
    });
    expect(FakeBrowserWindow.instances.at(-1)?.options.icon).toBe('/r/icons/polku.png');
  });

  it('is created with exactly the hardened options, titled Polku and hidden until ready', () => {
    const window = openWindow(true);
    expect(window.options).toEqual({
      title: 'Polku',
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        session: windowSession,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: false,
      },
    });
  });

  it('has DevTools only when not packaged', () => {
    const window = openWindow(false);
    expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });

  it('uses a session given to it, never a persistent partition', () => {
    const window = openWindow(true);
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences.session).toBe(windowSession);
    expect(preferences).not.toHaveProperty('partition');
  });

  it('loads the renderer from the app:// origin', () => {
    const window = openWindow(true);
    expect(window.loadURL).toHaveBeenCalledWith('app://polku/index.html');
  });

  it('shows itself only when the first paint is ready', () => {
    const window = openWindow(true);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('keeps the title "Polku" whatever the page sets', () => {
    const window = openWindow(true);
    const event = new FakeEvent();
    window.emit('page-title-updated', event, 'Participant name');
    expect(event.defaultPrevented).toBe(true);
  });
});
