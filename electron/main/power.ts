/** Locking on the system's signals (sleep, screen lock, shutdown) and on the idle clock. */
import { powerMonitor } from 'electron';
import type { Core } from '../core/types';

/** How often the idle rule and the system's locked state are checked; the rule uses the wall clock, so sleep counts. */
export const IDLE_CHECK_INTERVAL_MS = 15_000;

/** Required by getSystemIdleState, which answers 'locked' whatever it is; Polku's own idle rule is the core's. */
const SYSTEM_IDLE_THRESHOLD_S = 60;

/** Starts the lock triggers; returns the function that stops them. */
export function watchLockTriggers(core: Pick<Core, 'lock' | 'checkIdle'>, intervalMs = IDLE_CHECK_INTERVAL_MS): () => void {
  const onSuspend = (): void => core.lock('suspend');
  const onScreenLock = (): void => core.lock('screen-lock');
  const onShutdown = (): void => core.lock('shutdown');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onScreenLock);
  powerMonitor.on('shutdown', onShutdown);
  // 'lock-screen' fires on macOS and Windows only; the polled state also reports a locked screen on Linux
  // desktops that tell (through their screensaver service), within one interval.
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleState(SYSTEM_IDLE_THRESHOLD_S) === 'locked') core.lock('screen-lock');
    core.checkIdle();
  }, intervalMs);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onScreenLock);
    powerMonitor.off('shutdown', onShutdown);
  };
}
