/**
 * A long list as an ARIA grid (the participant registry, the Referrals page): TanStack Table for columns and
 * sorting, TanStack Virtual so that only the rows in view exist in the page, at any length. Rows are one tab stop
 * with roving focus (arrow keys, Page Up/Down, Home/End); Enter or a click opens the row. aria-rowcount and
 * aria-rowindex tell screen readers where they are in the whole list, not just in the rows rendered.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { GridRow, widthStyle } from './GridRow';
import { PAGE_SIZE, pagesFor } from './queries';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useWindowPages, type PagedList } from './useParticipantPages';

/** Fixed heights in px (kept in step with registry.css), so that the virtualizer needs no measuring. */
const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 40;
const OVERSCAN = 6;
/** Rows beyond the window whose pages are fetched ahead, so that steady scrolling rarely meets a placeholder. */
const PREFETCH = 60;

export interface GridSort<Key extends string> {
  key: Key;
  direction: 'asc' | 'desc';
}

export interface VirtualGridProps<List, Row extends { id: string }, Column extends string, SortKey extends string> {
  /** The list, its total and whether it is still the one before: a new list starts again at the top. */
  list: PagedList<List, Row>;
  /** The grid's name for screen readers. */
  label: string;
  /** Every column, in display order, with its cell (ids are the Column codes). */
  columnDefs: ColumnDef<Row | undefined, string>[];
  /** Every column in display order, and those shown. */
  allColumns: readonly Column[];
  columns: readonly Column[];
  widths: Readonly<Record<Column, number>>;
  /** The column that names a row. */
  rowHeader: Column;
  /** The sort key of each sortable column. */
  sortKeys: Partial<Record<Column, SortKey>>;
  sort: GridSort<SortKey>;
  /** Sort keys the reader may use. */
  sortable: readonly SortKey[];
  onSort: (sort: GridSort<SortKey>) => void;
  onOpen: (row: Row) => void;
}

export function VirtualGrid<List, Row extends { id: string }, Column extends string, SortKey extends string>({
  list,
  label,
  columnDefs,
  allColumns,
  columns,
  widths,
  rowHeader,
  sortKeys,
  sort,
  sortable,
  onSort,
  onOpen,
}: VirtualGridProps<List, Row, Column, SortKey>) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const { total: knownTotal, key: queryKey, busy } = list;
  const { row: rowAt, showPages, failure, retry } = useWindowPages(list);
  const total = knownTotal ?? 0;
  // The focused row belongs to one query; a new query starts at its first row.
  const [focus, setFocus] = useState({ queryKey, index: 0 });
  const focusIndex = Math.min(focus.queryKey === queryKey ? focus.index : 0, Math.max(0, total - 1));

  // TanStack Virtual hands out a new instance state each render; the compiler leaves this component as written.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  // TanStack gets the pages under the window (at most two), not all ten thousand rows: its row model is then
  // rebuilt only when the window enters another page or rows arrive, and costs little when it is.
  const firstPage = Math.floor(first / PAGE_SIZE);
  const lastPage = Math.floor(Math.max(first, last) / PAGE_SIZE);
  const windowStart = firstPage * PAGE_SIZE;
  const data = useMemo<(Row | undefined)[]>(
    () =>
      Array.from({ length: Math.max(0, Math.min(total, (lastPage + 1) * PAGE_SIZE) - windowStart) }, (_, k) =>
        rowAt(windowStart + k),
      ),
    [rowAt, windowStart, lastPage, total],
  );
  const shown = useMemo(() => allColumns.filter((column) => columns.includes(column)), [allColumns, columns]);
  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(allColumns.map((column) => [column, shown.includes(column)])),
    [allColumns, shown],
  );
  const sorting = useMemo<SortingState>(() => {
    const column = allColumns.find((c) => sortKeys[c] === sort.key);
    return column ? [{ id: column, desc: sort.direction === 'desc' }] : [];
  }, [allColumns, sortKeys, sort]);

  const table = useReactTable({
    data,
    columns: columnDefs,
    state: { columnVisibility, sorting },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });

  // Not a fetch: tells the list which pages the window needs, which it asks for through their queries.
  const wantedPages = pagesFor(Math.max(0, first - PREFETCH), Math.min(total - 1, last + PREFETCH));
  const from = wantedPages[0] ?? 0;
  const to = wantedPages.at(-1) ?? 0;
  useEffect(() => {
    showPages({ from, to });
  }, [showPages, from, to]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Focus follows the keyboard once the target row has been rendered (it may have to scroll into view first).
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const element = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!element) return;
    pendingFocus.current = null;
    element.focus({ preventScroll: true });
  });

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, index: number) => {
      const visibleRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT));
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        PageDown: index + visibleRows,
        PageUp: index - visibleRows,
        Home: 0,
        End: total - 1,
      };
      const move = moves[event.key];
      if (move !== undefined) {
        event.preventDefault();
        if (total === 0) return;
        const target = Math.max(0, Math.min(total - 1, move));
        setFocus({ queryKey, index: target });
        pendingFocus.current = target;
        virtualizer.scrollToIndex(target, { align: 'auto' });
        return;
      }
      const row = rowAt(index);
      if (event.key === 'Enter' && row) {
        event.preventDefault();
        onOpen(row);
      }
    },
    [total, queryKey, virtualizer, rowAt, onOpen],
  );

  const onRowFocus = useCallback(
    (index: number) =>
      setFocus((current) => (current.queryKey === queryKey && current.index === index ? current : { queryKey, index })),
    [queryKey],
  );

  // One row is the grid's tab stop: the focused one if it is rendered, otherwise the first row in view.
  const offset = (virtualizer.scrollOffset ?? 0) - HEADER_HEIGHT;
  const inView = items.find((item) => item.start - HEADER_HEIGHT >= offset) ?? items[0];
  const tabStop = items.some((item) => item.index === focusIndex) ? focusIndex : (inView?.index ?? 0);
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = shown.reduce((sum, column) => sum + widths[column], 0);
  const loadingLabel = t('registry.table.loadingRow');

  return (
    <>
      {failure ? (
        <div className="registry-failure">
          <ErrorMessage failure={failure.failure} />
          <button type="button" className="button button-secondary button-small" onClick={retry}>
            {t('registry.retry')}
          </button>
        </div>
      ) : null}
      <div className="registry-scroll" ref={scrollRef}>
        <div
          role="grid"
          className="registry-table"
          aria-label={label}
          aria-rowcount={total + 1}
          aria-colcount={shown.length}
          aria-busy={busy || undefined}
          style={{ minWidth: `${width}rem` }}
        >
          <div role="rowgroup" className="registry-head">
            <div role="row" aria-rowindex={1}>
              {headers.map((header) => {
                // Column ids are the Column codes the column definitions are made with.
                const column = header.column.id as Column;
                const key = sortKeys[column];
                const sorted = header.column.getIsSorted();
                const heading = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <div
                    key={column}
                    role="columnheader"
                    className="registry-cell"
                    style={widthStyle(widths[column])}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {key !== undefined && sortable.includes(key) ? (
                      <button
                        type="button"
                        className="registry-sort"
                        onClick={() => onSort({ key, direction: sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc' })}
                      >
                        {heading}
                        <span className="registry-sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      heading
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" ref={bodyRef} className="registry-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            {items.map((item) => (
              <GridRow
                key={item.index}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                row={rows[item.index - windowStart]}
                columns={shown}
                widths={widths}
                rowHeader={rowHeader}
                tabbable={item.index === tabStop}
                loadingLabel={loadingLabel}
                onRowKeyDown={onRowKeyDown}
                onRowFocus={onRowFocus}
                onOpen={onOpen}
              />
            ))}
          </div>
        </div>
      </div>
    </>
  );
}
