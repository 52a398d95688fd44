import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import type { PolkuBridge } from '@shared/bridge';
import { failure } from '@shared/errors';
import { bundles } from '@shared/i18n/bundles';
import { QueryState, type QueryView } from '../components/QueryState';
import { ChannelFailure, channelKey, channelQuery, createQueryClient, invalidateChannels } from './query';

const globals = globalThis as { window?: { polku: PolkuBridge } };
const calls: string[] = [];

function useBridge(answer: (channel: string) => unknown): void {
  // The bridge's generic signature cannot be met by a stand-in without a cast.
  globals.window = {
    polku: {
      invoke: async (channel: string) => {
        calls.push(channel);
        return answer(channel);
      },
      on: () => () => undefined,
    } as unknown as PolkuBridge,
  };
}

afterEach(() => {
  delete globals.window;
  calls.length = 0;
});

describe('the query helper', () => {
  it("gives a channel's value as the query's data", async () => {
    useBridge(() => ({ ok: true, value: [{ id: 'p1', name: 'Apu ry' }] }));
    const client = createQueryClient();
    expect(await client.fetchQuery(channelQuery('partners.list', {}))).toEqual([{ id: 'p1', name: 'Apu ry' }]);
  });

  it('turns a refusal into a thrown failure with its code and sentence, asked once and not retried', async () => {
    useBridge(() => failure('forbidden'));
    const client = createQueryClient();
    const thrown = await client.fetchQuery(channelQuery('partners.list', {})).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ChannelFailure);
    expect((thrown as ChannelFailure).failure).toEqual(failure('forbidden'));
    expect(calls).toEqual(['partners.list']);
  });

  it('refreshes every channel of a domain, or one channel whatever its input, and leaves the others alone', async () => {
    useBridge(() => ({ ok: true, value: [] }));
    const client = createQueryClient();
    await client.fetchQuery(channelQuery('partners.list', {}));
    await client.fetchQuery(channelQuery('partners.get', { id: 'a' }));
    await client.fetchQuery(channelQuery('users.list', {}));
    const stale = () =>
      ['partners.list', 'partners.get', 'users.list'].filter((c) => {
        const [domain, verb] = c.split('.');
        return client
          .getQueryCache()
          .findAll({ queryKey: [domain, verb] })
          .some((q) => q.isStale());
      });
    // With no screen watching them, answers count as stale only once invalidated.
    expect(stale()).toEqual([]);
    await invalidateChannels(client, 'partners.get');
    expect(stale()).toEqual(['partners.get']);
    await invalidateChannels(client, 'partners');
    expect(stale()).toEqual(['partners.list', 'partners.get']);
  });

  it('keys an answer by channel and input, so that two inputs are two answers', () => {
    expect(channelKey('partners.get', { id: 'a' })).toEqual(['partners', 'get', { id: 'a' }]);
    expect(channelKey('partners.get', { id: 'a' })).not.toEqual(channelKey('partners.get', { id: 'b' }));
  });

  it('drops every cached record when cleared, as on lock', async () => {
    useBridge(() => ({ ok: true, value: [{ id: 'p1', name: 'Apu ry' }] }));
    const client = createQueryClient();
    await client.fetchQuery(channelQuery('partners.list', {}));
    client.clear();
    expect(client.getQueryData(channelKey('partners.list', {}))).toBeUndefined();
    expect(client.getQueryCache().getAll()).toEqual([]);
  });
});

describe('the loading / empty / error component', () => {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    resources: { fi: { translation: bundles.fi }, en: { translation: bundles.en } },
    lng: 'en',
    initAsync: false,
  });
  const render = (query: QueryView<string[]>, props: { empty?: string } = {}) =>
    renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(QueryState<string[]>, {
          query,
          empty: props.empty,
          children: (items: string[]) => createElement('ul', null, items.join(',')),
        }),
      ),
    );
  const refetch = () => Promise.reject(new Error('not called'));

  it("says a refusal in the user's language, as an alert with a button to try again", async () => {
    useBridge(() => failure('forbidden'));
    const client = createQueryClient();
    await client.fetchQuery(channelQuery('partners.list', {})).catch(() => undefined);
    const error = client.getQueryState(channelKey('partners.list', {}))?.error ?? null;
    expect(error).toBeInstanceOf(ChannelFailure);
    const html = render({ data: undefined, error, refetch, isFetching: false });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your role does not allow this. Ask the coordinator if you need it.');
    expect(html).toContain('Try again');
    expect(html).not.toContain('role="status"');
  });

  it('says it is loading until the first answer, as a polite status', () => {
    const html = render({ data: undefined, error: null, refetch, isFetching: true });
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading…');
  });

  it('shows what stands for none when the list is empty, and the data otherwise', () => {
    expect(render({ data: [], error: null, refetch, isFetching: false }, { empty: 'No partners yet.' })).toBe('No partners yet.');
    expect(render({ data: ['a', 'b'], error: null, refetch, isFetching: false }, { empty: 'none' })).toBe('<ul>a,b</ul>');
  });

  it('keeps the data last shown under the message when a refresh fails', () => {
    const error = new ChannelFailure(failure('internal'));
    const html = render({ data: ['a'], error, refetch, isFetching: false });
    expect(html).toContain('role="alert"');
    expect(html).toContain('<ul>a</ul>');
  });
});
