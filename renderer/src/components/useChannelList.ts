import { useCallback, useEffect, useState } from 'react';
import type { Channel, InputOf, OutputOf } from '@shared/api';
import type { Failure, Result } from '@shared/errors';
import { invoke } from '../api/client';

/** Channels that answer a list when asked with no input. */
type ListChannel = {
  [C in Channel]: InputOf<C> extends Record<string, never> ? (OutputOf<C> extends readonly unknown[] ? C : never) : never;
}[Channel];

/**
 * A list fetched from the main side when the screen opens, and again by `refresh` after a change: the list as last
 * answered (null until the first answer) and the refusal of the last fetch. An answer that comes after the screen
 * has closed is dropped.
 */
export function useChannelList<C extends ListChannel>(channel: C) {
  const [items, setItems] = useState<OutputOf<C> | null>(null);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);

  const show = useCallback((result: Result<OutputOf<C>>) => {
    if (!result.ok) return setLoadFailure(result);
    setLoadFailure(null);
    setItems(result.value);
  }, []);

  useEffect(() => {
    let live = true;
    void invoke(channel, {} as InputOf<C>).then((result) => {
      if (live) show(result);
    });
    return () => {
      live = false;
    };
  }, [channel, show]);

  const refresh = useCallback(() => {
    void invoke(channel, {} as InputOf<C>).then(show);
  }, [channel, show]);

  return { items, loadFailure, refresh };
}
