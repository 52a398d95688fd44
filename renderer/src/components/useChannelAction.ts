import { useContext, useState } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import type { Channel, InputOf, OutputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../api/client';
import { invalidateChannels, type ChannelPrefix } from '../api/query';

/** What the caller does with a refusal; `true` means it was dealt with and the general message is not shown. */
export type RefusalHandler = (failure: Failure) => boolean;

export interface ChannelActionOptions {
  /** What a change makes stale (a feature's `mutations.ts` names it): fetched again on screen after a success. */
  invalidates?: readonly ChannelPrefix[];
}

/**
 * One call to the main side behind a button (a confirmation, a form's send step): `busy` while it runs (a
 * second press meanwhile does nothing), and the refusal to show, cleared when the call is made again. After a
 * success the answers it changed are marked stale. The screens before unlocking have no query client, and
 * nothing cached to make stale.
 */
export function useChannelAction({ invalidates = [] }: ChannelActionOptions = {}) {
  const client = useContext(QueryClientContext);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function run<C extends Channel>(
    channel: C,
    input: InputOf<C>,
    onOk: (value: OutputOf<C>) => void,
    onRefused?: RefusalHandler,
  ): Promise<void> {
    if (busy) return;
    setFailure(null);
    setBusy(true);
    const result = await invoke(channel, input);
    setBusy(false);
    if (result.ok) {
      if (client) void invalidateChannels(client, ...invalidates);
      return onOk(result.value);
    }
    if (!onRefused?.(result)) setFailure(result);
  }

  return { busy, failure, setFailure, run };
}
