/**
 * The renderer's only way to the main side: a typed wrapper around `window.polku` (shared/bridge.ts).
 * A reply that says the vault is locked is also announced to the app, which then drops all its state.
 */
import type { Channel, EventName, EventPayloads, InputOf, OutputOf } from '@shared/api';
import type { PolkuBridge } from '@shared/bridge';
import { failure, type Failure, type Result } from '@shared/errors';

declare global {
  interface Window {
    polku: PolkuBridge;
  }
}

type Listener = () => void;
const lockedListeners = new Set<Listener>();

/** Calls a channel. Never throws: a broken bridge becomes an `internal` failure. */
export async function invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  let result: Result<OutputOf<C>>;
  try {
    result = await window.polku.invoke(channel, input);
  } catch {
    result = failure('internal');
  }
  if (!result.ok && result.code === 'locked') for (const listener of lockedListeners) listener();
  return result;
}

/** Runs `listener` whenever any call comes back with the code `locked`. Returns the unsubscribe function. */
export function onLockedFailure(listener: Listener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** Subscribes to an event from the main side. Returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return window.polku.on(event, listener);
}

/** Codes that mean the vault's files cannot be opened as they are: the app shows the broken-vault screen. */
const VAULT_PROBLEMS = new Set<Failure['code']>([
  'slots_missing',
  'slots_corrupt',
  'db_missing',
  'db_corrupt',
  'db_foreign',
  'db_newer',
]);

/** Whether a failure is a problem with the vault's files rather than with what the user did. */
export function isVaultProblem(result: Failure): boolean {
  return VAULT_PROBLEMS.has(result.code);
}
