import { afterEach, describe, expect, it } from 'vitest';
import type { PolkuBridge } from '@shared/bridge';
import { failure } from '@shared/errors';
import { invoke, isVaultProblem, onLockedFailure } from './client';

const globals = globalThis as { window?: { polku: PolkuBridge } };

function useBridge(invokeImpl: (channel: string, input: unknown) => Promise<unknown>): void {
  // The bridge's generic signature cannot be met by a stand-in without a cast.
  globals.window = { polku: { invoke: invokeImpl, on: () => () => undefined } as unknown as PolkuBridge };
}

afterEach(() => {
  delete globals.window;
});

describe('the typed client', () => {
  it('passes the channel and input to the bridge and returns its result', async () => {
    const calls: unknown[] = [];
    useBridge(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    });
    expect(await invoke('prefs.setLocale', { locale: 'sv' })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['prefs.setLocale', { locale: 'sv' }]]);
  });

  it('tells the app when any reply says the vault is locked, so it can drop its state', async () => {
    useBridge(async () => failure('locked'));
    let told = 0;
    const off = onLockedFailure(() => told++);
    await invoke('settings.get', {});
    off();
    await invoke('settings.get', {});
    expect(told).toBe(1);
  });

  it('turns a broken bridge into an ordinary failure instead of throwing', async () => {
    useBridge(async () => {
      throw new Error('gone');
    });
    expect(await invoke('vault.status', {})).toEqual(failure('internal'));
  });

  it('treats missing or damaged vault files as a broken vault, and a wrong passphrase as not', () => {
    for (const code of ['slots_missing', 'slots_corrupt', 'db_missing', 'db_corrupt', 'db_foreign', 'db_newer'] as const) {
      expect(isVaultProblem(failure(code)), code).toBe(true);
    }
    expect(isVaultProblem(failure('wrong_passphrase'))).toBe(false);
  });
});
