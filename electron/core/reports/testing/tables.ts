import { tableRelations, type Count, type Relation } from '../suppression';

/** A table of counts for tests: its cells, row totals, column totals and grand total, keyed `<name>/<row>/<column>`. */
export interface TestTable {
  counts: Count[];
  relations: Relation[];
  cell: (row: number, column: number) => string;
  rowTotal: (row: number) => string;
  columnTotal: (column: number) => string;
  grandTotal: string;
}

/**
 * Builds a table with every total from its cells. `shared` names the column totals and grand total of another table
 * of the same participants, so both tables give one count under one key (and its counts are not repeated).
 */
export function testTable(name: string, cells: readonly (readonly number[])[], shared?: string): TestTable {
  const columns = cells[0]?.length ?? 0;
  const totals = shared ?? name;
  const cell = (r: number, c: number): string => `${name}/${r}/${c}`;
  const rowTotal = (r: number): string => `${name}/${r}/total`;
  const columnTotal = (c: number): string => `${totals}/total/${c}`;
  const grandTotal = `${totals}/total/total`;
  const counts: Count[] = [];
  cells.forEach((row, r) => {
    row.forEach((value, c) => counts.push({ key: cell(r, c), value }));
    counts.push({ key: rowTotal(r), value: row.reduce((a, b) => a + b, 0) });
  });
  if (shared === undefined) {
    for (let c = 0; c < columns; c++) {
      counts.push({ key: columnTotal(c), value: cells.reduce((a, row) => a + (row[c] ?? 0), 0) });
    }
    counts.push({ key: grandTotal, value: cells.flat().reduce((a, b) => a + b, 0) });
  }
  const relations = tableRelations({
    cells: cells.map((row, r) => row.map((_, c) => cell(r, c))),
    rowTotals: cells.map((_, r) => rowTotal(r)),
    columnTotals: Array.from({ length: columns }, (_, c) => columnTotal(c)),
    grandTotal,
  });
  return { counts, relations, cell, rowTotal, columnTotal, grandTotal };
}
