import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * Focus that must wait for a render: after an action, the element to return to (a row's button, a caption) may
 * only exist once the list has been fetched again. `focusLater(key)` focuses the element inside `root` whose
 * `data-focus-key` is `key`, as soon as it is there.
 */
export function usePendingFocus(root: RefObject<HTMLElement | null>): (key: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const key = pending.current;
    if (key === null) return;
    const target = root.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    if (!target) return;
    pending.current = null;
    target.focus();
  });
  return useCallback((key: string) => {
    pending.current = key;
  }, []);
}
