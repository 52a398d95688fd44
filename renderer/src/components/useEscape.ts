import { useEffect, useRef, type RefObject } from 'react';

/**
 * Escape pressed anywhere inside `container` calls `onEscape` (closing a confirmation or an inline form);
 * without `onEscape` the key is left alone.
 */
export function useEscape(container: RefObject<HTMLElement | null>, onEscape: (() => void) | undefined): void {
  const latest = useRef(onEscape);
  useEffect(() => {
    latest.current = onEscape;
  }, [onEscape]);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const escape = latest.current;
      if (event.key !== 'Escape' || !escape) return;
      event.preventDefault();
      escape();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [container]);
}
