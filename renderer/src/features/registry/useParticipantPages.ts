/**
 * The registry's rows for one query (filters, search, sort), fetched from participants.list page by page as
 * they scroll into view. The server's total sets the list's length; rows not loaded yet are placeholders.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { InputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import type { RegistryRow } from './columns';
import { PageCache } from './pageCache';

export type ListQuery = Omit<InputOf<'participants.list'>, 'offset' | 'limit'>;

/** Rows a request: a few screens' worth, well under the channel's limit of 500. */
export const PAGE_SIZE = 200;
/** Pages kept in memory (4 000 rows); older ones are fetched again if the user scrolls back. */
const MAX_PAGES = 20;

/** The loaded pages of one query; a new query gets a new instance, so late answers of an old one are dropped. */
export class ParticipantPages {
  private readonly cache = new PageCache<RegistryRow>(PAGE_SIZE, MAX_PAGES);
  private readonly inFlight = new Set<number>();
  /** Pages whose request failed: not asked again by scrolling, only by `retry()`, so a failure cannot loop. */
  private readonly failed = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  /** The number of matching participants; null until the first page answers. */
  total: number | null = null;
  failure: Failure | null = null;
  /** Changes whenever something above changes, for React to re-render. */
  version = 0;

  /** The query as text: equal queries have equal keys. */
  readonly key: string;

  constructor(private readonly query: ListQuery) {
    this.key = JSON.stringify(query);
  }

  /** The row at `index`, or undefined while its page is loading. */
  row(index: number): RegistryRow | undefined {
    return this.cache.row(index);
  }

  /** Makes sure the rows `first`..`last` are loaded or on their way. */
  ensure(first: number, last: number): void {
    const end = this.total === null ? last : Math.min(last, this.total - 1);
    const pages = this.cache.pagesFor(first, Math.max(first, end));
    this.cache.touch(pages);
    for (const page of pages) {
      if (!this.cache.has(page) && !this.inFlight.has(page) && !this.failed.has(page)) void this.load(page);
    }
  }

  /** Asks again for pages that failed. */
  retry(): void {
    this.failed.clear();
    this.failure = null;
    if (this.total === null) this.ensure(0, PAGE_SIZE - 1);
    this.changed();
  }

  private async load(page: number): Promise<void> {
    this.inFlight.add(page);
    const result = await invoke('participants.list', { ...this.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    this.inFlight.delete(page);
    if (this.disposed) return;
    if (!result.ok) {
      this.failed.add(page);
      this.failure = result;
    } else {
      this.cache.put(page, result.value.rows);
      this.total = result.value.total;
      this.failure = null;
    }
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  /** While active, answers are taken in; a disposed instance drops them (its query is no longer shown). */
  activate(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
  }
}

export interface RegistryPages {
  /** The pages to show: those of the previous query until the new one's first answer, so the table does not blink. */
  shown: ParticipantPages;
  /** The pages of the query as it is now. */
  latest: ParticipantPages;
  /** Changes whenever rows arrive. */
  version: number;
}

/** The pages of `query` (a new set whenever the query changes), re-rendering as pages arrive. */
export function useParticipantPages(query: ListQuery): RegistryPages {
  const key = JSON.stringify(query);
  // Keyed by the query's text, so that an equal query built anew keeps its pages.
  const latest = useMemo(() => new ParticipantPages(JSON.parse(key) as ListQuery), [key]);
  useEffect(() => {
    latest.activate();
    latest.ensure(0, PAGE_SIZE - 1);
    return () => latest.dispose();
  }, [latest]);
  const version = useSyncExternalStore(latest.subscribe, latest.snapshot);
  const [shown, setShown] = useState(latest);
  // Derived during render (React's pattern for state that follows a prop): switch once the new query has answered.
  if (shown !== latest && (latest.total !== null || latest.failure !== null)) setShown(latest);
  return { shown, latest, version };
}
