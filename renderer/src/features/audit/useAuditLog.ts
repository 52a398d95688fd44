import type { AuditEntryView } from '@shared/audit';
import type { AuditQuery } from './query';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ChannelFailure } from '../../api/query';
import { auditLogQuery } from './queries';

export interface AuditLogState {
  entries: readonly AuditEntryView[] | null;
  hasMore: boolean;
  /** 'first' while the first page of a query is read, 'older' while a further page is. */
  loading: 'first' | 'older' | null;
  failure: ChannelFailure | null;
  /** Asks again after a failure: the first page, or the older one that failed. */
  retry: () => void;
  isFetching: boolean;
  /** Reads the next page back; resolves to the id of its first (newest) entry, if any came. */
  loadOlder: () => Promise<number | null>;
}

/** The log's entries matching a query, newest first, a page at a time; keyed by the query, so a reply to an older one is never shown. */
export function useAuditLog(query: AuditQuery): AuditLogState {
  const log = useInfiniteQuery(auditLogQuery(query));
  const entries = log.data ? log.data.pages.flatMap((page) => page.entries) : null;

  async function loadOlder(): Promise<number | null> {
    if (!log.hasNextPage || log.isFetchingNextPage) return null;
    const before = log.data?.pages.length ?? 0;
    const next = await log.fetchNextPage();
    const added = next.data?.pages[before];
    return added?.entries[0]?.id ?? null;
  }

  return {
    entries,
    hasMore: log.hasNextPage,
    loading: log.data === undefined && !log.error ? 'first' : log.isFetchingNextPage ? 'older' : null,
    failure: log.error,
    retry: () => void (log.data ? log.fetchNextPage() : log.refetch()),
    isFetching: log.isFetching,
    loadOlder,
  };
}
