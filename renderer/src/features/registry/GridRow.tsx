/**
 * One row of a virtual grid (the registry, the Referrals page), memoized: while the list scrolls, rows already on
 * screen keep their props (only those entering the window render), which keeps scrolling smooth at any length.
 */
import { memo, type KeyboardEvent } from 'react';
import { flexRender, type Row } from '@tanstack/react-table';

/** A column's width in rem as a style, shared by the header and the rows so that they line up. */
export const widthStyle = (rem: number) => ({ width: `${rem}rem` });

interface GridRowProps<Slot extends { id: string } | undefined> {
  index: number;
  /** Where the row sits in the list's body, in px. */
  top: number;
  /** The TanStack row; its original is undefined while the row's page is loading. */
  row: Row<Slot> | undefined;
  /** The columns shown, in order (the same array while they do not change). */
  columns: readonly string[];
  /** Each column's width in rem. */
  widths: Readonly<Record<string, number>>;
  /** The column that names the row (a screen reader reads it as the row's header). */
  rowHeader: string;
  /** Whether this row is the grid's one tab stop. */
  tabbable: boolean;
  loadingLabel: string;
  onRowKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  onRowFocus: (index: number) => void;
  onOpen: (row: NonNullable<Slot>) => void;
}

function GridRowOf<Slot extends { id: string } | undefined>({
  index,
  top,
  row,
  columns,
  widths,
  rowHeader,
  tabbable,
  loadingLabel,
  onRowKeyDown,
  onRowFocus,
  onOpen,
}: GridRowProps<Slot>) {
  const original = row?.original;
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-busy={original ? undefined : true}
      tabIndex={tabbable ? 0 : -1}
      className={original ? 'registry-row' : 'registry-row registry-row-loading'}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => onRowFocus(index)}
      onKeyDown={(event) => onRowKeyDown(event, index)}
      onClick={() => {
        if (original) onOpen(original);
      }}
    >
      {original && row
        ? row.getVisibleCells().map((cell) => {
            const column = cell.column.id;
            const content = flexRender(cell.column.columnDef.cell, cell.getContext());
            return column === rowHeader ? (
              <div
                key={cell.id}
                role="rowheader"
                className="registry-cell registry-code"
                style={widthStyle(widths[column] ?? 10)}
              >
                {content}
              </div>
            ) : (
              <div key={cell.id} role="gridcell" className="registry-cell" style={widthStyle(widths[column] ?? 10)}>
                {content}
              </div>
            );
          })
        : columns.map((column, i) => (
            <div key={column} role="gridcell" className="registry-cell" style={widthStyle(widths[column] ?? 10)}>
              {i === 0 ? <span className="visually-hidden">{loadingLabel}</span> : null}
              <span className="registry-placeholder" aria-hidden="true" />
            </div>
          ))}
    </div>
  );
}

// memo() loses the component's type parameter; the cast gives it back.
export const GridRow = memo(GridRowOf) as typeof GridRowOf;
