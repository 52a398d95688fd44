import { useState } from 'react';
import type { Channel, InputOf, OutputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../api/client';

/** What the caller does with a refusal; `true` means it was dealt with and the general message is not shown. */
export type RefusalHandler = (failure: Failure) => boolean;

/**
 * One call to the main side behind a button (a confirmation, a form's send step): `busy` while it runs (a
 * second press meanwhile does nothing), and the refusal to show, cleared when the call is made again.
 */
export function useChannelAction() {
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
    if (result.ok) return onOk(result.value);
    if (!onRefused?.(result)) setFailure(result);
  }

  return { busy, failure, setFailure, run };
}
