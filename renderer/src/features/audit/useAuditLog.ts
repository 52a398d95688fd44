import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView } from '@shared/audit';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { listInput, type AuditQuery } from './query';

export interface AuditLogState {
  entries: readonly AuditEntryView[] | null;
  hasMore: boolean;
  /** 'first' while the first page of a query is read, 'older' while a further page is. */
  loading: 'first' | 'older' | null;
  failure: Failure | null;
  /** Reads the next page back; resolves to the id of its first (newest) entry, if any came. */
  loadOlder: () => Promise<number | null>;
}

interface Pages {
  /** The query these entries answer; a reply to an older query is never shown for a newer one. */
  query: AuditQuery;
  entries: readonly AuditEntryView[] | null;
  hasMore: boolean;
  failure: Failure | null;
}

/** The log's entries matching a query, newest first, a page at a time. */
export function useAuditLog(query: AuditQuery): AuditLogState {
  const [pages, setPages] = useState<Pages | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  useEffect(() => {
    let current = true;
    void invoke('audit.list', listInput(query)).then((result) => {
      if (!current) return;
      setPages(
        result.ok
          ? { query, entries: result.value.entries, hasMore: result.value.hasMore, failure: null }
          : { query, entries: null, hasMore: false, failure: result },
      );
    });
    return () => {
      current = false;
    };
  }, [query]);

  const fresh = pages?.query === query ? pages : null;

  const loadOlder = useCallback(async () => {
    const oldest = fresh?.entries?.at(-1);
    if (!oldest || loadingOlder) return null;
    setLoadingOlder(true);
    const result = await invoke('audit.list', listInput(query, oldest.id));
    setLoadingOlder(false);
    setPages((current) => {
      if (current?.query !== query) return current;
      if (!result.ok) return { ...current, failure: result };
      return {
        ...current,
        entries: [...(current.entries ?? []), ...result.value.entries],
        hasMore: result.value.hasMore,
        failure: null,
      };
    });
    return result.ok ? (result.value.entries[0]?.id ?? null) : null;
  }, [fresh, loadingOlder, query]);

  return {
    entries: fresh?.entries ?? null,
    hasMore: fresh?.hasMore ?? false,
    loading: fresh ? (loadingOlder ? 'older' : null) : 'first',
    failure: fresh?.failure ?? null,
    loadOlder,
  };
}
