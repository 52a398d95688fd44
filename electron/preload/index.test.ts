import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolkuBridge } from '@shared/bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/bridge';
import { EVENTS } from '@shared/api';
import * as electron from 'electron';
import type * as FakeElectron from '../main/testing/fake-electron';

vi.mock('electron', () => import('../main/testing/fake-electron'));

// The mocked module survives vi.resetModules, so this is the very instance the preload receives.
const fake = electron as unknown as typeof FakeElectron;
const { contextBridge, ipcRenderer } = fake;

/** Loads the preload and returns what it exposed. */
async function loadPreload(): Promise<{ name: unknown; bridge: PolkuBridge }> {
  await import('./index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, bridge] = contextBridge.exposeInMainWorld.mock.calls[0] as [unknown, PolkuBridge];
  return { name, bridge };
}

function sendEvent(name: unknown, payload: unknown): void {
  ipcRenderer.emit(EVENT_CHANNEL, { sender: ipcRenderer, ports: [] }, name, payload);
}

beforeEach(() => {
  // Every test loads the preload afresh, as a new page would.
  vi.resetModules();
  fake.resetFakeElectron();
});

describe('the preload', () => {
  it('exposes window.polku with invoke and on, and nothing else', async () => {
    const { name, bridge } = await loadPreload();
    expect(name).toBe('polku');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    // Functions only: neither ipcRenderer nor process (objects) can be among them.
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends a request on the single invoke channel and returns the answer', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });
    const { bridge } = await loadPreload();
    await expect(bridge.invoke('prefs.setLocale', { locale: 'sv' })).resolves.toEqual({ ok: true, value: null });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNEL, 'prefs.setLocale', { locale: 'sv' });
  });

  it('knows exactly the events of the contract', async () => {
    const { bridge } = await loadPreload();
    for (const event of EVENTS) expect(() => bridge.on(event, () => undefined)).not.toThrow();
  });

  it('refuses to subscribe to anything that is not an event of the contract', async () => {
    const { bridge } = await loadPreload();
    const on = bridge.on as (event: unknown, listener: unknown) => unknown;
    for (const event of ['polku:invoke', 'constructor', '__proto__', 'toString', 42, undefined]) {
      expect(() => on(event, () => undefined), String(event)).toThrow(TypeError);
    }
    expect(() => on('locked', 'not a function')).toThrow(TypeError);
  });

  it('gives a listener the payload only, never the IPC event', async () => {
    const { bridge } = await loadPreload();
    const listener = vi.fn();
    bridge.on('locked', listener);
    sendEvent('locked', { reason: 'idle' });
    expect(listener.mock.calls).toEqual([[{ reason: 'idle' }]]);
  });

  it('gives a listener only the events it subscribed to', async () => {
    const { bridge } = await loadPreload();
    const listener = vi.fn();
    bridge.on('progress', listener);
    sendEvent('locked', { reason: 'idle' });
    sendEvent('unknown', { x: 1 });
    sendEvent('progress', { task: 'backup', done: 1, total: 2 });
    expect(listener.mock.calls).toEqual([[{ task: 'backup', done: 1, total: 2 }]]);
  });

  it('stops calling a listener after it unsubscribes, leaving others subscribed', async () => {
    const { bridge } = await loadPreload();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = bridge.on('locked', first);
    bridge.on('locked', second);
    unsubscribe();
    sendEvent('locked', { reason: 'manual' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('listens on the IPC event channel once, however many subscribe', async () => {
    const { bridge } = await loadPreload();
    for (let i = 0; i < 20; i += 1) bridge.on('locked', () => undefined);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
  });
});
