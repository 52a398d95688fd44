import { useCallback, useEffect, useState } from 'react';

export interface Countdown {
  /** What is left of the wait; 0 when another attempt is allowed. */
  remainingMs: number;
  /** The length of the current (or last) wait when it began. */
  startedWithMs: number;
  /** True once a wait has run out, until the next one starts. */
  finished: boolean;
  start: (ms: number) => void;
}

/** A wait imposed by the main side after wrong attempts, refreshed every second. */
export function useCountdown(initialMs: number): Countdown {
  const [deadline, setDeadline] = useState<number | null>(() => (initialMs > 0 ? Date.now() + initialMs : null));
  const [remainingMs, setRemainingMs] = useState(Math.max(0, initialMs));
  const [startedWithMs, setStartedWithMs] = useState(Math.max(0, initialMs));
  const [finished, setFinished] = useState(false);

  useEffect(() => {
    if (deadline === null) return undefined;
    const timer = window.setInterval(() => {
      const left = Math.max(0, deadline - Date.now());
      setRemainingMs(left);
      if (left === 0) {
        setDeadline(null);
        setFinished(true);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const start = useCallback((ms: number) => {
    if (ms <= 0) return;
    setDeadline(Date.now() + ms);
    setRemainingMs(ms);
    setStartedWithMs(ms);
    setFinished(false);
  }, []);

  return { remainingMs, startedWithMs, finished, start };
}
