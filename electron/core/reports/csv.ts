/**
 * A report's aggregate rows as CSV for spreadsheet programs: counts and their marks only, as the report shows them
 * (already suppressed on the main side), never a person. Decided so:
 *
 * - **Encoding**: UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8 (ä, ö, å, –).
 * - **Separator `;`**, in every language of the report: Excel in a Finnish or Swedish locale (decimal comma) splits
 *   a double-clicked CSV on `;`, not on `,`, and LibreOffice offers `;` when it asks. The figures are whole numbers,
 *   so no decimal mark is written. (A `sep=;` first line would make Excel ignore the byte-order mark.)
 * - **Lines** end in CRLF, the last one too (RFC 4180).
 * - **Quoting**: a field is quoted when it holds `;`, `"`, a line break, or is escaped; quotes inside are doubled.
 * - **Formula injection**: a field that starts with `=`, `+`, `-`, `−` (U+2212), `@`, a tab or a carriage return
 *   (or the full-width `＝ ＋ － ＠`) would be read as a formula by a spreadsheet. It gets an apostrophe in front and is
 *   quoted, so that it shows as the text it is. A label of an indicator set is data and could start so.
 * - **Cells**: a count's number, `<k` for a small count, `..` for a hidden one (language-neutral marks, as the
 *   funder's own tables write them); an empty cell where the report has no figure.
 */
import type { FunderReport, ProgrammeReport, ReportCell, ReportTable } from '@shared/reports';
import { labelText } from '@shared/charts/report-bars';
import type { PrintText } from '../print/labels';

export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';
export const CSV_BOM = '\uFEFF';

/** The characters a spreadsheet reads a formula after, at the start of a cell. */
const FORMULA_START = /^[=+\-\u2212@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One field as CSV: escaped against formula injection, quoted when it must be, quotes doubled. */
export function csvField(value: string): string {
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of fields as one CSV text: byte-order mark, `;` between fields, CRLF after every line. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + CSV_LINE_END).join('');
}

/** A cell in the CSV: its number, `<k` or `..`. */
export function csvCell(cell: ReportCell): string {
  if (cell.kind === 'value') return String(cell.value);
  if (cell.kind === 'small') return `<${cell.below}`;
  return '..';
}

/**
 * The rows of one or more report tables: table, indicator code, row label, then one field a column. The tables of
 * one export share their columns (those of the first table head the file).
 */
export function tableRows(tables: readonly ReportTable[], text: PrintText): string[][] {
  const t = (key: string, values?: Record<string, string | number>) => text.t(key, values);
  const columns = tables[0]?.columns ?? [];
  const head = [
    text.t('funderReport.table'),
    text.t('funderReport.code'),
    text.t('funderReport.row'),
    ...columns.map((c) => labelText(t, c)),
  ];
  const body = tables.flatMap((table) =>
    table.rows.map((row) => [labelText(t, table.title), row.code ?? '', labelText(t, row.label), ...row.cells.map(csvCell)]),
  );
  return [head, ...body];
}

/** The funder report as CSV: every table's rows, then the participations not counted and the attendance rate. */
export function funderCsv(report: FunderReport, text: PrintText): string {
  const rows = tableRows(report.tables, text);
  const width = rows[0]!.length;
  const other = text.t('funderReport.otherFigures');
  /** A figure of the report's own, in the last (total) column. */
  const lastColumn = (label: string, value: string) => [other, '', label, ...Array<string>(width - 4).fill(''), value];
  rows.push(lastColumn(text.t('funderReport.notCounted'), csvCell(report.notCounted)));
  rows.push(
    lastColumn(
      `${text.t('funderReport.attendanceRate')} (%)`,
      report.attendanceRate === null ? '' : String(report.attendanceRate),
    ),
  );
  return csvText(rows);
}

/**
 * The programme report as CSV, one line a figure: group, table, row, column, then the count or its mark. Its tables
 * differ in their columns (one count, statuses, kinds of change), so each figure names its own column.
 */
export function programmeCsv(report: ProgrammeReport, text: PrintText): string {
  const t = (key: string, values?: Record<string, string | number>) => text.t(key, values);
  const rows: string[][] = [
    [
      text.t('programmeReport.group'),
      text.t('funderReport.table'),
      text.t('programmeReport.row'),
      text.t('programmeReport.column'),
      text.t('programmeReport.count'),
    ],
  ];
  for (const section of report.sections) {
    const group = section.cohort ? section.cohort.name : text.t('funderReport.allGroups');
    for (const table of section.tables) {
      for (const row of table.rows) {
        row.cells.forEach((cell, column) =>
          rows.push([
            group,
            labelText(t, table.title),
            labelText(t, row.label),
            labelText(t, table.columns[column]!),
            csvCell(cell),
          ]),
        );
      }
    }
    rows.push([
      group,
      text.t('funderReport.otherFigures'),
      `${text.t('funderReport.attendanceRate')} (%)`,
      '',
      section.attendanceRate === null ? '' : String(section.attendanceRate),
    ]);
  }
  return csvText(rows);
}
