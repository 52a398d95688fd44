/**
 * One row of the registry grid, memoized: while the list scrolls, rows already on screen keep their props
 * (only those entering the window render), which keeps scrolling smooth at any length.
 */
import { memo, type KeyboardEvent } from 'react';
import { flexRender, type Row } from '@tanstack/react-table';
import type { RegistryColumn } from '@shared/views';
import { COLUMN_WIDTHS, type RegistrySlot } from './columns';

/** A column's width as a style, shared by the header and the rows so that they line up. */
export const widthOf = (column: RegistryColumn) => ({ width: `${COLUMN_WIDTHS[column]}rem` });

interface GridRowProps {
  index: number;
  /** Where the row sits in the list's body, in px. */
  top: number;
  /** The TanStack row; its original is undefined while the row's page is loading. */
  row: Row<RegistrySlot> | undefined;
  /** The columns shown, in order (the same array while they do not change). */
  columns: readonly RegistryColumn[];
  /** Whether this row is the grid's one tab stop. */
  tabbable: boolean;
  loadingLabel: string;
  onRowKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  onRowFocus: (index: number) => void;
  onOpen: (participantId: string) => void;
}

export const GridRow = memo(function GridRow({
  index,
  top,
  row,
  columns,
  tabbable,
  loadingLabel,
  onRowKeyDown,
  onRowFocus,
  onOpen,
}: GridRowProps) {
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
        if (original) onOpen(original.id);
      }}
    >
      {original && row
        ? row.getVisibleCells().map((cell) => {
            // Column ids are the REGISTRY_COLUMNS that columns.tsx defines.
            const column = cell.column.id as RegistryColumn;
            const content = flexRender(cell.column.columnDef.cell, cell.getContext());
            return column === 'pseudonym' ? (
              <div key={cell.id} role="rowheader" className="registry-cell registry-code" style={widthOf(column)}>
                {content}
              </div>
            ) : (
              <div key={cell.id} role="gridcell" className="registry-cell" style={widthOf(column)}>
                {content}
              </div>
            );
          })
        : columns.map((column, i) => (
            <div key={column} role="gridcell" className="registry-cell" style={widthOf(column)}>
              {i === 0 ? <span className="visually-hidden">{loadingLabel}</span> : null}
              <span className="registry-placeholder" aria-hidden="true" />
            </div>
          ))}
    </div>
  );
});
