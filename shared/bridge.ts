import type { Channel, EventName, EventPayloads, InputOf, OutputOf } from './api';
import type { Result } from './errors';

/** What the preload exposes as `window.polku`, and nothing else. */
export interface PolkuBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Subscribes to a main-side event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** The single IPC channel name used by preload and main. */
export const INVOKE_CHANNEL = 'polku:invoke';
/** The single IPC channel on which main sends events: (event, payload). */
export const EVENT_CHANNEL = 'polku:event';
