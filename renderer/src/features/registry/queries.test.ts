import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import type { PolkuBridge } from '@shared/bridge';
import { failure } from '@shared/errors';
import { createQueryClient } from '../../api/query';
import { PAGE_SIZE, pageKey, pagesFor, participantPageQuery, type ListQuery } from './queries';

const globals = globalThis as { window?: { polku: PolkuBridge } };
const asked: { offset: number; search?: string }[] = [];

/** A stand-in main side: a list of 1 000 rows named by their place, or a refusal while `refuse` is set. */
let refuse = false;
function useBridge(): void {
  // The bridge's generic signature cannot be met by a stand-in without a cast.
  globals.window = {
    polku: {
      invoke: async (_channel: string, input: { offset: number; limit: number; search?: string }) => {
        asked.push({ offset: input.offset, ...(input.search ? { search: input.search } : {}) });
        if (refuse) return failure('internal');
        const rows = Array.from({ length: input.limit }, (_, k) => ({ id: `${input.search ?? ''}${input.offset + k}` }));
        return { ok: true, value: { rows, total: 1_000 } };
      },
      on: () => () => undefined,
    } as unknown as PolkuBridge,
  };
}

afterEach(() => {
  delete globals.window;
  asked.length = 0;
  refuse = false;
  vi.useRealTimers();
});

const list: ListQuery = { sort: 'pseudonym', direction: 'asc' };
const rowsOf = (data: unknown) => (data as { rows: { id: string }[] } | undefined)?.rows;

describe('the registry pages', () => {
  it('finds the pages that hold a range of rows, ends included', () => {
    expect(pagesFor(0, 199)).toEqual([0]);
    expect(pagesFor(190, 210)).toEqual([0, 1]);
    expect(pagesFor(9_800, 9_999)).toEqual([49]);
    expect(pagesFor(10, 5)).toEqual([]);
  });

  it('asks for a page of 200 rows at its offset, and keeps it under its own key', async () => {
    useBridge();
    const client = createQueryClient();
    const data = await client.fetchQuery(participantPageQuery(list, 3));
    expect(asked).toEqual([{ offset: 3 * PAGE_SIZE }]);
    expect(rowsOf(data)?.[0]?.id).toBe('600');
    expect(rowsOf(client.getQueryData(pageKey(list, 3)))).toHaveLength(PAGE_SIZE);
    expect(client.getQueryData(pageKey(list, 2))).toBeUndefined();
  });

  it("shows the same page of the list before while a new list is on its way, but never another page's rows", async () => {
    useBridge();
    const client = createQueryClient();
    const observer = new QueryObserver(client, participantPageQuery(list, 1));
    const seen: (string | undefined)[] = [];
    const off = observer.subscribe((result) => seen.push(rowsOf(result.data)?.[0]?.id));
    await vi.waitFor(() => expect(seen.at(-1)).toBe('200'));
    observer.setOptions(participantPageQuery({ ...list, search: 'x' }, 1));
    expect(observer.getCurrentResult().isPlaceholderData).toBe(true);
    expect(rowsOf(observer.getCurrentResult().data)?.[0]?.id).toBe('200');
    await vi.waitFor(() => expect(seen.at(-1)).toBe('x200'));
    observer.setOptions(participantPageQuery({ ...list, search: 'x' }, 2));
    expect(observer.getCurrentResult().data).toBeUndefined();
    off();
  });

  it('asks again for a failed page only when told to, not when it scrolls into view again', async () => {
    useBridge();
    refuse = true;
    const client = createQueryClient();
    const first = new QueryObserver(client, participantPageQuery(list, 0));
    const offFirst = first.subscribe(() => undefined);
    await vi.waitFor(() => expect(first.getCurrentResult().error?.failure.code).toBe('internal'));
    offFirst();
    const again = new QueryObserver(client, participantPageQuery(list, 0));
    const offAgain = again.subscribe(() => undefined);
    expect(asked).toHaveLength(1);
    refuse = false;
    await again.refetch();
    expect(asked).toHaveLength(2);
    expect(rowsOf(again.getCurrentResult().data)).toHaveLength(PAGE_SIZE);
    offAgain();
  });

  it('drops a page from memory half a minute after it leaves the view', async () => {
    useBridge();
    const client = createQueryClient();
    const observer = new QueryObserver(client, participantPageQuery(list, 5));
    const off = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBeDefined());
    vi.useFakeTimers();
    off();
    vi.advanceTimersByTime(29_000);
    expect(client.getQueryData(pageKey(list, 5))).toBeDefined();
    vi.advanceTimersByTime(2_000);
    expect(client.getQueryData(pageKey(list, 5))).toBeUndefined();
  });
});
