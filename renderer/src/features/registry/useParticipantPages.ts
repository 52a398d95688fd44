/**
 * A long list's rows, each page a query of its own (the registry's participants, the Referrals page's referrals).
 * The screen holds the first page, which gives the total; the table holds the pages under its window, so that
 * scrolling into another page re-renders the table alone, not the whole screen. Rows not loaded yet are placeholders.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelFailure } from '../../api/query';
import type { RegistryRow } from './columns';
import { PAGE_SIZE, participantPageQuery, type ListQuery } from './queries';

/** What a page query answers: its rows and the number of all matching rows. */
export interface PagedAnswer<Row> {
  rows: readonly Row[];
  total: number;
}

/** The query of one page of a list (`page` counts pages of PAGE_SIZE rows). */
export type PageQuery<List, Row> = (
  list: List,
  page: number,
) => UseQueryOptions<PagedAnswer<Row>, ChannelFailure, PagedAnswer<Row>, QueryKey>;

/** The list as the screen holds it: which list, how many match, and whether its first page came. */
export interface PagedList<List, Row> {
  /** The list as text: equal lists have equal keys; a new one starts again at the top. */
  key: string;
  list: List;
  pageQuery: PageQuery<List, Row>;
  /** The number of matching rows; null until the first page answers. */
  total: number | null;
  /** The rows shown are still those of the list before, while the new one is on its way. */
  busy: boolean;
  /** The refusal of the first page, shown with "Try again". */
  failure: ChannelFailure | null;
  retry: () => void;
}

/** A list whose pages `pageQuery` reads. */
export function usePagedList<List, Row>(query: List, pageQuery: PageQuery<List, Row>): PagedList<List, Row> {
  const key = JSON.stringify(query);
  // Keyed by the list's text, so that an equal list built anew keeps its pages.
  const list = useMemo(() => JSON.parse(key) as List, [key]);
  const first = useQuery(pageQuery(list, 0));
  return {
    key,
    list,
    pageQuery,
    total: first.data?.total ?? null,
    busy: first.isPlaceholderData,
    failure: first.error,
    retry: () => void first.refetch(),
  };
}

export type RegistryList = PagedList<ListQuery, RegistryRow>;

export function useRegistryList(query: ListQuery): RegistryList {
  return usePagedList<ListQuery, RegistryRow>(query, participantPageQuery);
}

/** The pages the table's window needs, first to last (inclusive). */
export interface PageSpan {
  from: number;
  to: number;
}

export interface WindowPages<Row> {
  /** The row at `index`, or undefined while its page is loading; a new function only when rows arrive. */
  row: (index: number) => Row | undefined;
  /** The refusal of a page after the first (which the screen shows), with "Try again". */
  failure: ChannelFailure | null;
  retry: () => void;
  /** Tells which pages the window needs now. */
  showPages: (span: PageSpan) => void;
}

export function useWindowPages<List, Row>({
  key,
  list,
  pageQuery,
}: Pick<PagedList<List, Row>, 'key' | 'list' | 'pageQuery'>): WindowPages<Row> {
  // The window's pages belong to the list they were asked for: a new list starts from its first page.
  const [span, setSpan] = useState<PageSpan & { key: string }>({ key, from: 0, to: 0 });
  const showPages = useCallback(
    (next: PageSpan) => setSpan((s) => (s.key === key && s.from === next.from && s.to === next.to ? s : { key, ...next })),
    [key],
  );
  const wanted = span.key === key ? Array.from({ length: span.to - span.from + 1 }, (_, k) => span.from + k) : [0];
  const results = useQueries({ queries: wanted.map((page) => pageQuery(list, page)) });

  const rows = new Map<number, readonly Row[]>();
  results.forEach((r, i) => {
    if (r.data) rows.set(wanted[i]!, r.data.rows);
  });
  // The list's key too: two lists' pages may carry the same time stamp (a fixed or coarse clock), not the same rows.
  const version = `${key}|${results.map((r, i) => `${wanted[i]}:${r.dataUpdatedAt}:${r.isPlaceholderData}`).join(',')}`;
  // `version` names the rows held: the table rebuilds its row model only when they change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const row = useCallback((index: number) => rows.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [version]);
  const failed = results.filter((r, i) => r.error && wanted[i] !== 0);
  return {
    row,
    failure: failed[0]?.error ?? null,
    retry: () => {
      for (const r of failed) void r.refetch();
    },
    showPages,
  };
}
