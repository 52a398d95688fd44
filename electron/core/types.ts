import type { EventName, EventPayloads, LockReason } from '@shared/api';
import type { Result } from '@shared/errors';
import type { FileFault } from './fs/file-ops';
import type { ShellPort } from './shell/port';

/** Where a request came from, as the shell (or the test harness) established it. */
export interface RequestContext {
  /** True only for our own window's main frame, loaded from our own origin. */
  trustedSender: boolean;
}

export type CoreListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** The main side of Polku without Electron: used by the Electron shell and by the browser test harness. */
export interface Core {
  /** Validates, authorises and runs one request; never throws. */
  dispatch(channel: string, input: unknown, context: RequestContext): Promise<Result<unknown>>;
  /** Closes the database, zeroes keys and tells the renderer to drop its data. Safe to call when locked. */
  lock(reason: LockReason): void;
  /** Subscribes to events for the renderer; returns the unsubscribe function. */
  subscribe(listener: CoreListener): () => void;
  /** Locks when the user has been idle longer than the auto-lock setting; the shell calls this on a timer. */
  checkIdle(): void;
  /** Locks and releases everything; the core cannot be used after this. */
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  /** Wall clock in ms; injected so tests can move time (sleep counts towards idle). */
  now?: () => number;
  /** Path to a better-sqlite3-multiple-ciphers binary built for this runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  /** KDF cost override, for fast unit tests only; production uses the defaults. */
  kdfCost?: 'production' | 'test';
  /** File choosers and printing; a shell that refuses everything when absent. */
  shell?: ShellPort;
  /** Tests only: file operations of backup and restore fail as listed (the test may change the list as it goes). */
  fileFaults?: FileFault[];
}
