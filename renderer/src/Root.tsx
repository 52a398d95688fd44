import { useCallback, useEffect, useRef, useState } from 'react';
import type { LockReason } from '@shared/api';
import { onEvent, onLockedFailure } from './api/client';
import { App } from './App';

/**
 * Owns nothing but the lock: on the 'locked' event, or any reply saying the vault is locked, the whole app
 * tree is remounted under a new key, so no record of the session stays in React state.
 */
export function Root() {
  const [mount, setMount] = useState<{ generation: number; reason: LockReason | null }>({ generation: 0, reason: null });
  const unlocked = useRef(false);

  const onUnlocked = useCallback(() => {
    unlocked.current = true;
  }, []);

  const onLocked = useCallback((reason: LockReason | null) => {
    if (unlocked.current) {
      unlocked.current = false;
      setMount((m) => ({ generation: m.generation + 1, reason }));
    } else if (reason) {
      // Already on a locked screen (e.g. a failed call came first): only say why.
      setMount((m) => (m.reason ? m : { ...m, reason }));
    }
  }, []);

  useEffect(() => {
    const offEvent = onEvent('locked', (payload) => onLocked(payload.reason));
    const offFailure = onLockedFailure(() => onLocked(null));
    return () => {
      offEvent();
      offFailure();
    };
  }, [onLocked]);

  return <App key={mount.generation} lockReason={mount.reason} onUnlocked={onUnlocked} onLocked={onLocked} />;
}
