import { describe, expect, it } from 'vitest';
import type { FakeEvent } from './electron-stand-in';
import { createElectronStandIn, NotImplemented, record } from './electron-stand-in';

function standIn(options: { quit?: 'record' | 'electron' } = {}) {
  return createElectronStandIn({ spy: record, ...options });
}

describe('the Electron stand-in', () => {
  it('throws, naming the API, on anything it does not implement instead of answering with a default', () => {
    const { members } = standIn();
    const window = new members.BrowserWindow({});
    const probes: Array<[string, () => unknown]> = [
      ['app.getLoginItemSettings', () => (members.app as unknown as Record<string, unknown>).getLoginItemSettings],
      ['BrowserWindow.setMenu', () => (window as unknown as Record<string, unknown>).setMenu],
      ['webContents.openDevTools', () => (window.webContents as unknown as Record<string, unknown>).openDevTools],
      ['Session.cookies', () => (members.session.fromPartition('x') as unknown as Record<string, unknown>).cookies],
      ['dialog.showMessageBox', () => (members.dialog as unknown as Record<string, unknown>).showMessageBox],
      ['BrowserWindow.getAllWindows', () => (members.BrowserWindow as unknown as Record<string, unknown>).getAllWindows],
    ];
    for (const [api, read] of probes) {
      expect(read).toThrow(NotImplemented);
      expect(read).toThrow(`does not implement ${api}.`);
    }
  });

  it('as a module, exports only the members it implements', async () => {
    const module = await import('./electron-module');
    expect(Object.keys(module).sort()).toEqual(
      [
        'app',
        'BrowserWindow',
        'contextBridge',
        'dialog',
        'ipcMain',
        'ipcRenderer',
        'Menu',
        'powerMonitor',
        'protocol',
        'session',
      ].sort(),
    );
  });

  it('records every call of an API in order', () => {
    const { members } = standIn();
    members.app.commandLine.appendSwitch('lang', 'fi');
    members.app.commandLine.appendSwitch('x');
    expect(members.app.commandLine.appendSwitch.mock.calls).toEqual([['lang', 'fi'], ['x']]);
  });

  it("announces a new window's web contents on the app, as Electron does", () => {
    const { members } = standIn();
    const created: unknown[] = [];
    members.app.on('web-contents-created', (_event: unknown, contents: unknown) => created.push(contents));
    const window = new members.BrowserWindow({});
    expect(created).toEqual([window.webContents]);
  });

  it("quits in Electron's order: before-quit, the windows closed, will-quit, quit; window-all-closed is not emitted", () => {
    const { members } = standIn({ quit: 'electron' });
    const order: string[] = [];
    for (const name of ['before-quit', 'window-all-closed', 'will-quit', 'quit']) members.app.on(name, () => order.push(name));
    const window = new members.BrowserWindow({});
    window.on('close', () => order.push('close'));
    window.on('closed', () => order.push('closed'));
    members.app.quit();
    expect(order).toEqual(['before-quit', 'close', 'closed', 'will-quit', 'quit']);
    expect(window.isDestroyed()).toBe(true);
  });

  it('stops quitting when a before-quit listener prevents it', () => {
    const { members } = standIn({ quit: 'electron' });
    const window = new members.BrowserWindow({});
    members.app.on('before-quit', (event: FakeEvent) => event.preventDefault());
    const willQuit: unknown[] = [];
    members.app.on('will-quit', () => willQuit.push(1));
    members.app.quit();
    expect(window.isDestroyed()).toBe(false);
    expect(willQuit).toEqual([]);
  });

  it('emits window-all-closed when a person closes the last window', () => {
    const { members } = standIn({ quit: 'electron' });
    const allClosed: unknown[] = [];
    members.app.on('window-all-closed', () => allClosed.push(1));
    const window = new members.BrowserWindow({});
    window.close();
    expect(allClosed).toEqual([1]);
  });

  it('answers a save dialog with the queued answer once, then as a person cancelling', async () => {
    const { members, control } = standIn();
    control.dialogAnswers.save.push({ canceled: false, filePath: '/tmp/a.polkubackup' });
    expect(await members.dialog.showSaveDialog({})).toEqual({ canceled: false, filePath: '/tmp/a.polkubackup' });
    expect(await members.dialog.showSaveDialog({})).toEqual({ canceled: true, filePath: '' });
  });

  it('refuses a second handler for one channel, as ipcMain does', () => {
    const { members } = standIn();
    members.ipcMain.handle('polku:invoke', () => null);
    expect(() => members.ipcMain.handle('polku:invoke', () => null)).toThrow(/second handler/);
  });
});
