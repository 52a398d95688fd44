/**
 * The registry's rows for one list (filters, search, sort): the first page (which also gives the total), and the
 * pages under the table's window, each a query of its own. Rows not loaded yet are placeholders.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { ChannelFailure } from '../../api/query';
import type { RegistryRow } from './columns';
import { PAGE_SIZE, participantPageQuery, type ListQuery } from './queries';

/** The pages the table's window needs, first to last (inclusive). */
export interface PageSpan {
  from: number;
  to: number;
}

export interface RegistryPages {
  /** The list as text: equal lists have equal keys; a new one starts again at the top. */
  key: string;
  /** The number of matching participants; null until the first page answers. */
  total: number | null;
  /** The row at `index`, or undefined while its page is loading. */
  row: (index: number) => RegistryRow | undefined;
  /** Changes whenever rows arrive. */
  version: string;
  /** The rows shown are still those of the list before, while the new one is on its way. */
  busy: boolean;
  /** The refusal of a page, shown with "Try again". */
  failure: ChannelFailure | null;
  /** Asks again for the pages that failed. */
  retry: () => void;
  /** Tells which pages the table's window needs now. */
  showPages: (span: PageSpan) => void;
}

export function useParticipantPages(query: ListQuery): RegistryPages {
  const key = JSON.stringify(query);
  // Keyed by the list's text, so that an equal list built anew keeps its pages.
  const list = useMemo(() => JSON.parse(key) as ListQuery, [key]);
  // The window's pages belong to the list they were asked for: a new list starts from its first page.
  const [span, setSpan] = useState<PageSpan & { key: string }>({ key, from: 0, to: 0 });
  const showPages = useCallback(
    (next: PageSpan) => setSpan((s) => (s.key === key && s.from === next.from && s.to === next.to ? s : { key, ...next })),
    [key],
  );
  const wanted = [0];
  if (span.key === key) for (let page = Math.max(1, span.from); page <= span.to; page++) wanted.push(page);
  const results = useQueries({ queries: wanted.map((page) => participantPageQuery(list, page)) });

  const first = results[0];
  const total = first?.data?.total ?? null;
  const version = results.map((r, i) => `${wanted[i]}:${r.dataUpdatedAt}:${r.isPlaceholderData}`).join(',');
  const rows = new Map<number, readonly RegistryRow[]>();
  results.forEach((r, i) => {
    if (r.data) rows.set(wanted[i]!, r.data.rows);
  });
  // A new function only when rows arrive (`version`), so that the table rebuilds its rows only then.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const row = useCallback((index: number) => rows.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [version]);
  const failed = results.filter((r) => r.error);
  return {
    key,
    total,
    row,
    version,
    busy: first?.isPlaceholderData ?? false,
    failure: failed[0]?.error ?? null,
    retry: () => {
      for (const r of failed) void r.refetch();
    },
    showPages,
  };
}
