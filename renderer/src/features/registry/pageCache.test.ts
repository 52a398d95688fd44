import { describe, expect, it } from 'vitest';
import { PageCache } from './pageCache';

const rows = (page: number, size: number) => Array.from({ length: size }, (_, i) => `row ${page * size + i}`);

describe('the registry page cache', () => {
  it('finds the pages that hold a range of rows, ends included', () => {
    const cache = new PageCache<string>(200, 5);
    expect(cache.pagesFor(0, 199)).toEqual([0]);
    expect(cache.pagesFor(190, 210)).toEqual([0, 1]);
    expect(cache.pagesFor(9_800, 9_999)).toEqual([49]);
    expect(cache.pagesFor(10, 5)).toEqual([]);
  });

  it('answers rows of loaded pages and nothing for the rest (shown as placeholders)', () => {
    const cache = new PageCache<string>(200, 5);
    cache.put(49, rows(49, 200));
    expect(cache.row(9_800)).toBe('row 9800');
    expect(cache.row(9_999)).toBe('row 9999');
    expect(cache.row(0)).toBeUndefined();
    expect(cache.has(49)).toBe(true);
  });

  it('keeps at most its bound of pages, dropping the one used longest ago', () => {
    const cache = new PageCache<string>(10, 3);
    cache.put(0, rows(0, 10));
    cache.put(1, rows(1, 10));
    cache.put(2, rows(2, 10));
    cache.touch([0]);
    cache.put(3, rows(3, 10));
    expect(cache.size).toBe(3);
    expect([0, 1, 2, 3].map((page) => cache.has(page))).toEqual([true, false, true, true]);
  });

  it('refuses a page size or bound below one', () => {
    expect(() => new PageCache<string>(0, 3)).toThrow(RangeError);
    expect(() => new PageCache<string>(10, 0)).toThrow(RangeError);
  });
});
