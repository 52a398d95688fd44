import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { failure } from '@shared/errors';
import { bundles } from '@shared/i18n/bundles';
import { ChannelFailure } from '../api/query';
import { QueryState, type QueryView } from './QueryState';

const i18n = createInstance();
void i18n.use(initReactI18next).init({ resources: { en: { translation: bundles.en } }, lng: 'en', initAsync: false });

const view = (data: string[] | undefined, error: ChannelFailure | null = null): QueryView<string[]> => ({
  data,
  error,
  isFetching: false,
  refetch: () => undefined,
});

const render = (query: QueryView<string[]>, extra: { loading?: string; empty?: string } = {}) =>
  renderToStaticMarkup(
    createElement(I18nextProvider, {
      i18n,
      children: createElement(QueryState<string[]>, {
        query,
        ...extra,
        children: (rows) => createElement('ul', null, rows.join(',')),
      }),
    }),
  );

describe('the query state', () => {
  it("says the screen's own loading line politely until the first answer comes, and the general one without it", () => {
    expect(render(view(undefined), { loading: 'Opening the file…' })).toBe(
      '<p role="status" class="loading">Opening the file…</p>',
    );
    expect(render(view(undefined))).toBe('<p role="status" class="loading">Loading…</p>');
  });

  it('replaces the loading line with the refusal in words and a way to ask again', () => {
    const html = render(view(undefined, new ChannelFailure(failure('forbidden'))), { loading: 'Opening the file…' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your role does not allow this. Ask the coordinator if you need it.');
    expect(html).toContain('>Try again<');
    expect(html).not.toContain('Opening the file…');
  });

  it('keeps the data last shown under the message when a refresh fails', () => {
    const html = render(view(['a', 'b'], new ChannelFailure(failure('forbidden'))));
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('<ul>a,b</ul>'));
  });

  it('shows what stands for no data when the answer is an empty list', () => {
    expect(render(view([]), { empty: 'No partners yet.' })).toBe('No partners yet.');
    expect(render(view(['a']), { empty: 'No partners yet.' })).toBe('<ul>a</ul>');
  });
});
