import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/bridge';
import { failure, type Result } from '@shared/errors';
import type { Core, CoreListener, RequestContext } from '../core/types';
import { isTrustedSender, registerIpc } from './ipc';
import { FakeBrowserWindow, FakeFrame, ipcMain, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

type InvokeHandler = (event: unknown, channel: unknown, input: unknown) => Promise<Result<unknown>>;

function fakeCore() {
  const listeners = new Set<CoreListener>();
  const calls: Array<{ channel: string; input: unknown; context: RequestContext }> = [];
  const core: Core = {
    dispatch: vi.fn((channel: string, input: unknown, context: RequestContext) => {
      calls.push({ channel, input, context });
      return Promise.resolve(channel === 'vault.unlock' ? failure('wrong_passphrase') : { ok: true as const, value: null });
    }),
    lock: vi.fn(),
    subscribe: vi.fn((listener: CoreListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    checkIdle: vi.fn(),
    close: vi.fn(),
  };
  return { core, calls, listeners };
}

function ourWindow(url = 'app://polku/index.html'): FakeBrowserWindow {
  const window = new FakeBrowserWindow({});
  window.webContents.mainFrame.url = url;
  return window;
}

function eventFrom(window: FakeBrowserWindow, frame: FakeFrame | null = window.webContents.mainFrame) {
  return { sender: window.webContents, senderFrame: frame };
}

function trusted(event: ReturnType<typeof eventFrom>, window: FakeBrowserWindow | null): boolean {
  return isTrustedSender(event as unknown as IpcMainInvokeEvent, window as unknown as BrowserWindow | null);
}

function invokeHandler(): InvokeHandler {
  const registration = ipcMain.handle.mock.calls.find(([channel]) => channel === INVOKE_CHANNEL);
  if (!registration) throw new Error('no invoke handler');
  return registration[1] as InvokeHandler;
}

beforeEach(() => resetFakeElectron());

describe('the sender check', () => {
  it('trusts the main frame of our window on our origin', () => {
    const window = ourWindow();
    expect(trusted(eventFrom(window), window)).toBe(true);
  });

  it('does not trust another window', () => {
    const window = ourWindow();
    const other = ourWindow();
    expect(trusted(eventFrom(other), window)).toBe(false);
  });

  it('does not trust a subframe of our window', () => {
    const window = ourWindow();
    const child = new FakeFrame('app://polku/index.html', 999, window.webContents.mainFrame);
    expect(trusted(eventFrom(window, child), window)).toBe(false);
  });

  it('does not trust a frame that is not the current main frame', () => {
    const window = ourWindow();
    expect(trusted(eventFrom(window, new FakeFrame('app://polku/index.html', 12345)), window)).toBe(false);
  });

  it('does not trust our window once it shows a page of another origin', () => {
    for (const url of ['https://example.invalid/', 'file:///tmp/x.html', 'app://other/index.html', 'data:text/html,x']) {
      const window = ourWindow(url);
      expect(trusted(eventFrom(window), window), url).toBe(false);
    }
  });

  it('does not trust a sender without a frame, or any sender when there is no window', () => {
    const window = ourWindow();
    expect(trusted(eventFrom(window, null), window)).toBe(false);
    expect(trusted(eventFrom(window), null)).toBe(false);
    window.isDestroyed.mockReturnValue(true);
    expect(trusted(eventFrom(window), window)).toBe(false);
  });
});

describe('the invoke channel', () => {
  it('passes a request from our window to the core as trusted', async () => {
    const { core, calls } = fakeCore();
    const window = ourWindow();
    registerIpc({ core, window: () => window as unknown as BrowserWindow });
    const result = await invokeHandler()(eventFrom(window), 'vault.status', {});
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ channel: 'vault.status', input: {}, context: { trustedSender: true } }]);
  });

  it('passes a request from anywhere else as untrusted, so the core refuses it', async () => {
    const { core, calls } = fakeCore();
    const window = ourWindow();
    registerIpc({ core, window: () => window as unknown as BrowserWindow });
    await invokeHandler()(eventFrom(ourWindow()), 'vault.status', {});
    expect(calls[0]?.context).toEqual({ trustedSender: false });
  });

  it('drops a request whose channel is not a string without reaching the core', async () => {
    const { core } = fakeCore();
    const window = ourWindow();
    registerIpc({ core, window: () => window as unknown as BrowserWindow });
    for (const channel of [undefined, 42, { toString: () => 'vault.status' }, ['vault.status']]) {
      expect(await invokeHandler()(eventFrom(window), channel, {})).toEqual(failure('unknown_channel'));
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('tells about successful requests only', async () => {
    const { core } = fakeCore();
    const window = ourWindow();
    const onSuccess = vi.fn();
    registerIpc({ core, window: () => window as unknown as BrowserWindow, onSuccess });
    await invokeHandler()(eventFrom(window), 'prefs.setLocale', { locale: 'sv' });
    await invokeHandler()(eventFrom(window), 'vault.unlock', { passphrase: 'wrong' });
    expect(onSuccess.mock.calls).toEqual([['prefs.setLocale']]);
  });
});

describe('core events', () => {
  it('are sent to the window on the event channel as (event, payload)', () => {
    const { core, listeners } = fakeCore();
    const window = ourWindow();
    registerIpc({ core, window: () => window as unknown as BrowserWindow });
    for (const listener of listeners) listener('locked', { reason: 'idle' });
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'locked', { reason: 'idle' });
  });

  it('are not sent when the window is gone', () => {
    const { core, listeners } = fakeCore();
    const window = ourWindow();
    window.isDestroyed.mockReturnValue(true);
    registerIpc({ core, window: () => window as unknown as BrowserWindow });
    for (const listener of listeners) listener('locked', { reason: 'idle' });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('stop, and the handler is removed, when the wiring is undone', () => {
    const { core, listeners } = fakeCore();
    const undo = registerIpc({ core, window: () => null });
    undo();
    expect(listeners.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
  });
});
