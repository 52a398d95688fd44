import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, EventName, InputOf, OutputOf } from '@shared/api';
import type { Result } from '@shared/errors';
import type { Role } from '@shared/roles';
import { createCore } from '../../electron/core/app-core';
import type { Core, CoreOptions } from '../../electron/core/types';

/** A clock the test moves by hand; starts at a fixed date. */
export function manualClock(start = Date.UTC(2026, 10, 28, 9, 0, 0)) {
  let current = start;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
  };
}

export interface TestCore {
  core: Core;
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  events: { event: EventName; payload: unknown }[];
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Calls and fails the test unless the call succeeds. */
  ok<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** A new core over the same data folder, as after an app restart. */
  restart(): TestCore;
  cleanup(): void;
}

/** What a test may add to its core: a shell (file choosers) and injected file-system failures. */
export type TestCoreOptions = Pick<CoreOptions, 'shell' | 'fileFaults'>;

/** A real core over a real encrypted vault in a temp folder, with the fast test KDF. */
export function testCore(
  dataDir = mkdtempSync(join(tmpdir(), 'polku-core-')),
  clock = manualClock(),
  options: TestCoreOptions = {},
): TestCore {
  const core = createCore({ dataDir, now: clock.now, kdfCost: 'test', ...options });
  const events: TestCore['events'] = [];
  core.subscribe((event, payload) => events.push({ event, payload }));
  const call = <C extends Channel>(channel: C, input: InputOf<C>) =>
    core.dispatch(channel, input, { trustedSender: true }) as Promise<Result<OutputOf<C>>>;
  return {
    core,
    dataDir,
    clock,
    events,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.code}`);
      return result.value;
    },
    restart() {
      core.close();
      return testCore(dataDir, clock, options);
    },
    cleanup() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSPHRASE = 'kesäkuun aamu 2026 ja kahvi';
export const NEW_PASSPHRASE = 'marraskuun ilta, tee ja villasukat';

/** The passphrase colleagues added by `addColleague` choose at their first unlock. */
export const COLLEAGUE_PASSPHRASE = 'puolukka, mustikka ja lakka 2026';

/**
 * As the unlocked coordinator, adds a colleague and goes through their first unlock (one-time passphrase,
 * then COLLEAGUE_PASSPHRASE). The colleague's session is left open. Returns the colleague's user id.
 */
export async function addColleague(
  t: TestCore,
  displayName: string,
  role: Role,
  currentPassphrase = PASSPHRASE,
): Promise<string> {
  const { user, oneTimePassphrase } = await t.ok('users.create', { displayName, role, currentPassphrase });
  t.core.lock('manual');
  await t.ok('vault.unlock', { name: displayName, passphrase: oneTimePassphrase });
  await t.ok('vault.changePassphrase', { next: COLLEAGUE_PASSPHRASE });
  return user.id;
}

/** Locks and unlocks as another user, as when colleagues share the laptop. */
export async function switchUser(t: TestCore, name: string, passphrase = COLLEAGUE_PASSPHRASE): Promise<void> {
  t.core.lock('manual');
  await t.ok('vault.unlock', { name, passphrase });
}
