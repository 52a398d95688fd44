/**
 * The registry's reads: the saved views with the arrangement last left, the choices of its filters, and the
 * participants page by page. A page is a query of its own (keyed by the list's filters, sort and offset), so the
 * query client holds the pages: those out of view are dropped a little after they leave it.
 */
import type { InputOf } from '@shared/api';
import { channelKey, channelQuery } from '../../api/query';

export type ListQuery = Omit<InputOf<'participants.list'>, 'offset' | 'limit'>;

/** Rows a request: a few screens' worth, well under the channel's limit of 500. */
export const PAGE_SIZE = 200;
/** How long a page out of view is kept for scrolling back, before it is dropped from memory. */
const PAGE_KEPT_MS = 30_000;

/**
 * The saved views and the arrangement last left, read afresh each time the screen opens (and not kept after): the
 * screen starts from it and keeps what the user changes as its own state, saving it as it goes.
 */
export const savedViewsQuery = () => ({ ...channelQuery('views.list', { screen: 'participants' }), gcTime: 0 });

/** The request for one page of a list. */
export function pageInput(query: ListQuery, page: number): InputOf<'participants.list'> {
  return { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

/** The offset of a page query's key, to tell whether two keys are the same page of different lists. */
function offsetOf(key: readonly unknown[]): number | undefined {
  const input = key.at(-1);
  return typeof input === 'object' && input !== null && 'offset' in input ? (input.offset as number) : undefined;
}

/**
 * One page of the list. While a new list (other filters, search or sort) is on its way, the same page of the list
 * before stays shown, so that the table does not blink; another page's rows never stand in for it. A page that
 * failed is asked again only by "Try again", not by scrolling past it, so that a failure cannot loop.
 */
export function participantPageQuery(query: ListQuery, page: number) {
  const input = pageInput(query, page);
  return {
    ...channelQuery('participants.list', input),
    gcTime: PAGE_KEPT_MS,
    retryOnMount: false,
    // The whole screen re-renders with a page's state: only for what it shows, not for a fetch starting.
    notifyOnChangeProps: ['data', 'error', 'isPlaceholderData'] as ('data' | 'error' | 'isPlaceholderData')[],
    placeholderData: <T>(previous: T | undefined, previousQuery: { queryKey: readonly unknown[] } | undefined) =>
      previousQuery && offsetOf(previousQuery.queryKey) === input.offset ? previous : undefined,
  };
}

/** The pages that hold the rows `first`..`last` (inclusive), in order. */
export function pagesFor(first: number, last: number): number[] {
  if (last < first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) pages.push(page);
  return pages;
}

/** The key of one page, for tests and for reading a page the client already holds. */
export const pageKey = (query: ListQuery, page: number) => channelKey('participants.list', pageInput(query, page));
