/**
 * The picture of a report table (shared/reports.ts): one horizontal bar a row, as long as the row's count in one
 * column (the total, unless another is chosen), all on one d3 scale so that the rows read against each other. The
 * genders side by side would draw mostly marks in groups of five to eight, where nearly every gender cell is
 * suppressed; the total says what a bar can say, and the table beside it has every column.
 *
 * Built only from the cells that are values: a "<k" or hidden cell draws no bar and carries its mark as text, and the
 * scale runs to the largest value shown, so the picture cannot show anything the table hides. Each row's label
 * stands on its own line above its bar (an indicator's name is long), a row "of whom" indented under its own.
 * Every text comes in translated: the screen passes i18next's `t`, the print its `PrintText.t`.
 */
import { scaleLinear } from 'd3-scale';
import type { ReportCell, ReportLabel, ReportRow, ReportTable } from '../reports';
import type { ChartModel, Mark } from './model';

export const REPORT_BARS_WIDTH = 620;
const ROW_HEIGHT = 38;
const LABEL_BASELINE = 13;
const BAR_TOP = 18;
const BAR_HEIGHT = 14;
/** A row "of whom" starts this much further in. */
const INDENT = 16;
/** Room after the longest bar for its number. */
const NUMBER_ROOM = 44;
/** Characters of a label that fit on its line at the label's size; a longer one ends in "…" (the table has it whole). */
const LABEL_CHARS = 96;

/** A translator: the screen's `t` and the print's `PrintText.t` both are one. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A label of a report in words: its own text, or the interface's wording of its key. */
export function labelText(t: Translate, label: ReportLabel): string {
  return 'text' in label ? label.text : t(label.key);
}

/**
 * A cell as the table writes it: its number (in the reader's digit grouping, when a formatter is given), "under k"
 * (`reports.cell.small`) or the hidden mark. The one rule of the screen, the print and the pictures.
 */
export function cellText(t: Translate, cell: ReportCell, formatNumber: (value: number) => string = String): string {
  if (cell.kind === 'value') return formatNumber(cell.value);
  if (cell.kind === 'small') return t('reports.cell.small', { below: cell.below });
  return t('reports.cell.hidden');
}

function shortened(text: string): string {
  return text.length <= LABEL_CHARS ? text : `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

/**
 * The bars of `table` in the column `column` (the last, its total, when left out). The title is the table's, the
 * description says which column the bars show and that marked counts are not drawn (`reports.bars.description`).
 * Each bar carries `data-row` and `data-count`; each mark of a suppressed cell `data-row` and `data-cell`.
 */
export function reportBarsChart(table: ReportTable, t: Translate, column: number = table.columns.length - 1): ChartModel {
  const columnLabel = table.columns[column];
  if (columnLabel === undefined) throw new Error(`report table ${table.id} has no column ${column}`);
  const cellOf = (row: ReportRow): ReportCell | undefined => row.cells[column];
  const shown = table.rows.map((row) => {
    const cell = cellOf(row);
    return cell?.kind === 'value' ? cell.value : 0;
  });
  const x = scaleLinear()
    .domain([0, Math.max(1, ...shown)])
    .range([0, REPORT_BARS_WIDTH - INDENT - NUMBER_ROOM]);
  const marks: Mark[] = [];
  table.rows.forEach((row, i) => {
    const top = i * ROW_HEIGHT;
    const left = row.within ? INDENT : 0;
    marks.push({
      kind: 'text',
      x: left,
      y: top + LABEL_BASELINE,
      text: shortened(row.code ? `${row.code} ${labelText(t, row.label)}` : labelText(t, row.label)),
      anchor: 'start',
      size: 11,
    });
    const cell = cellOf(row);
    if (cell === undefined) return;
    if (cell.kind === 'value') {
      const width = x(cell.value);
      marks.push({
        kind: 'rect',
        x: left,
        y: top + BAR_TOP,
        width,
        height: BAR_HEIGHT,
        fill: 'strong',
        data: { row: row.id, count: String(cell.value) },
      });
      marks.push({
        kind: 'text',
        x: left + width + 4,
        y: top + BAR_TOP + BAR_HEIGHT - 3,
        text: String(cell.value),
        anchor: 'start',
        size: 11,
        bold: true,
      });
    } else {
      // No bar: only the mark, as the table writes it.
      marks.push({
        kind: 'text',
        x: left,
        y: top + BAR_TOP + BAR_HEIGHT - 3,
        text: cellText(t, cell),
        anchor: 'start',
        size: 11,
        fill: 'strong',
        data: { row: row.id, cell: cell.kind },
      });
    }
  });
  return {
    width: REPORT_BARS_WIDTH,
    height: Math.max(1, table.rows.length) * ROW_HEIGHT,
    title: labelText(t, table.title),
    description: t('reports.bars.description', { column: labelText(t, columnLabel) }),
    marks,
  };
}
