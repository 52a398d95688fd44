import { useEffect, useRef } from 'react';
import { invoke } from '../api/client';

/** At most one activity report per this many milliseconds: enough for an idle timer counted in minutes. */
export const TOUCH_INTERVAL_MS = 30_000;

function isMac(): boolean {
  return /Mac/u.test(navigator.userAgent);
}

/** How the lock shortcut is written on this computer. */
export function lockShortcutLabel(): string {
  return isMac() ? '⌘L' : 'Ctrl+L';
}

/** Whether a key press is the lock shortcut (Ctrl+L, or Cmd+L on a Mac). */
export function isLockShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l';
}

/**
 * While unlocked: Ctrl+L / Cmd+L locks from anywhere, and key presses and pointer use tell the main side
 * that someone is at the computer (at most every 30 s), so the idle lock waits.
 */
export function useSessionGuards(active: boolean, lock: () => void): void {
  const lastTouch = useRef(0);
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);

  useEffect(() => {
    if (!active) return undefined;
    lastTouch.current = Date.now();
    const touch = () => {
      const now = Date.now();
      if (now - lastTouch.current < TOUCH_INTERVAL_MS) return;
      lastTouch.current = now;
      void invoke('vault.touch', {});
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isLockShortcut(event)) {
        event.preventDefault();
        lockRef.current();
        return;
      }
      touch();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('pointerdown', touch, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pointerdown', touch, true);
    };
  }, [active]);
}

/**
 * Saves pending work at once when the window loses focus, is hidden or goes away: a screen lock, sleep or a
 * closed window follows one of these, and the main side may lock before the usual autosave delay is over.
 */
export function useFlushOnLeave(active: boolean, flush: () => Promise<void>): void {
  useEffect(() => {
    if (!active) return undefined;
    const onLeave = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('blur', onLeave);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onLeave);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, flush]);
}
