/** Locking on the system's signals (sleep, screen lock, shutdown) and on the idle clock. */
import { powerMonitor } from 'electron';
import type { Core } from '../core/types';

/** How often the idle rule is checked; the rule itself uses the wall clock, so sleep counts. */
export const IDLE_CHECK_INTERVAL_MS = 15_000;

/** Starts the lock triggers; returns the function that stops them. */
export function watchLockTriggers(core: Pick<Core, 'lock' | 'checkIdle'>, intervalMs = IDLE_CHECK_INTERVAL_MS): () => void {
  const onSuspend = (): void => core.lock('suspend');
  const onScreenLock = (): void => core.lock('screen-lock');
  const onShutdown = (): void => core.lock('shutdown');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onScreenLock);
  powerMonitor.on('shutdown', onShutdown);
  const timer = setInterval(() => core.checkIdle(), intervalMs);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onScreenLock);
    powerMonitor.off('shutdown', onShutdown);
  };
}
