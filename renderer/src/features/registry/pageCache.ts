/**
 * The registry's rows, held page by page as they are fetched. Bounded: the pages used longest ago are dropped
 * first, so that scrolling through ten thousand participants keeps only a few thousand rows in memory.
 */
export class PageCache<Row> {
  /** Pages by index; a Map keeps insertion order, which is the order of last use here. */
  private readonly pages = new Map<number, readonly Row[]>();

  constructor(
    readonly pageSize: number,
    readonly maxPages: number,
  ) {
    if (pageSize < 1 || maxPages < 1) throw new RangeError('page size and page count must be positive');
  }

  /** The page that holds row `index`. */
  pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  /** The pages that hold the rows `first`..`last` (inclusive), in order. */
  pagesFor(first: number, last: number): number[] {
    if (last < first) return [];
    const out: number[] = [];
    for (let page = this.pageOf(Math.max(0, first)); page <= this.pageOf(last); page++) out.push(page);
    return out;
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** The row at `index`, or undefined while its page is not loaded. */
  row(index: number): Row | undefined {
    return this.pages.get(this.pageOf(index))?.[index % this.pageSize];
  }

  /** Marks pages as just used, so that they are the last to be dropped. */
  touch(pages: readonly number[]): void {
    for (const page of pages) {
      const rows = this.pages.get(page);
      if (rows === undefined) continue;
      this.pages.delete(page);
      this.pages.set(page, rows);
    }
  }

  /** Stores a fetched page and drops the least recently used pages beyond the bound. */
  put(page: number, rows: readonly Row[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      this.pages.delete(oldest);
    }
  }

  /** How many pages are held. */
  get size(): number {
    return this.pages.size;
  }
}
