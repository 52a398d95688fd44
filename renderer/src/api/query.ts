/**
 * The renderer's data layer over TanStack Query: a channel's answer becomes resolved data, a refusal a thrown
 * `ChannelFailure` carrying the main side's code and sentence. Query keys are the channel name split at its dot,
 * then the input, so that `invalidateChannels(client, 'notes')` refreshes every notes channel and
 * `invalidateChannels(client, 'notes.list')` that one channel whatever its input.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Channel, InputOf, OutputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from './client';

/** A channel's refusal, thrown so that TanStack Query records it as the query's or mutation's error. */
export class ChannelFailure extends Error {
  constructor(readonly failure: Failure) {
    // The code only: a failure never carries personal data, and neither does its message.
    super(failure.code);
    this.name = 'ChannelFailure';
  }
}

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation goes through `callChannel`, which throws nothing else.
    defaultError: ChannelFailure;
  }
}

/** Calls a channel: its value, or a thrown `ChannelFailure`. */
export async function callChannel<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new ChannelFailure(result);
  return result.value;
}

/** The key of a channel's answer to one input: `['notes', 'list', { participantId }]`. */
export function channelKey<C extends Channel>(channel: C, input: InputOf<C>): QueryKey {
  return [...channel.split('.'), input];
}

/** A channel's query: its key and the call that answers it, to spread into `useQuery`. */
export function channelQuery<C extends Channel>(channel: C, input: InputOf<C>) {
  return {
    queryKey: channelKey(channel, input),
    queryFn: () => callChannel(channel, input),
  };
}

/** A domain (`'notes'`) or one channel (`'notes.list'`): what a change makes stale. */
export type ChannelPrefix = Channel extends `${infer D}.${string}` ? D | Channel : never;

/** Marks every answer under the prefixes stale; those on screen are fetched again at once. */
export function invalidateChannels(client: QueryClient, ...prefixes: ChannelPrefix[]): Promise<void> {
  return Promise.all(prefixes.map((prefix) => client.invalidateQueries({ queryKey: prefix.split('.') }))).then(() => undefined);
}

/**
 * The session's client. Nothing is retried (a refusal is an answer, not a network glitch) and nothing is fetched
 * again on focus or reconnect (there is no network): data is fetched when a screen opens and after a change.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
