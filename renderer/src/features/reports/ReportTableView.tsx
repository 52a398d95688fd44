import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportTable } from '@shared/reports';
import { formatNumber } from '../../i18n/format';
import { cellText, labelText } from './reportText';

interface ReportTableViewProps {
  table: ReportTable;
  /** The table's pictures, shown beside it; the numbers stay in the table. */
  figure?: ReactNode;
}

/**
 * One table of a report as a real table: its title as the caption, the columns' and rows' headings named so that a
 * screen reader says them with every cell, an "of whom" row indented under its own, and a funder's code beside
 * the row's name.
 */
export function ReportTableView({ table, figure }: ReportTableViewProps) {
  const { t } = useTranslation();
  return (
    <section className="report-table-block" aria-label={labelText(table.title, t)}>
      <div className="report-table-frame">
        <table className="report-table">
          <caption>{labelText(table.title, t)}</caption>
          <thead>
            <tr>
              <th scope="col" className="report-row-heading">
                {t('reports.screen.table.rowHeading')}
              </th>
              {table.columns.map((column, i) => (
                <th key={i} scope="col" className="report-number">
                  {labelText(column, t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.id} className={row.within ? 'report-row-within' : undefined}>
                <th scope="row" className="report-row-heading">
                  <span className="report-row-label">{labelText(row.label, t)}</span>
                  {row.code ? ' ' : null}
                  {row.code ? (
                    <span className="report-code" title={t('reports.screen.table.code', { code: row.code })}>
                      {row.code}
                    </span>
                  ) : null}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={`report-number report-cell-${cell.kind}`}>
                    <CellMark cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {figure ? <div className="report-figures">{figure}</div> : null}
    </section>
  );
}

/** A count as shown; the mark of a hidden one is read out in words ("piilotettu"), not as "..". */
export function CellMark({ cell }: { cell: ReportCell }) {
  const { t } = useTranslation();
  const text = cellText(cell, t, formatNumber);
  if (!text.spoken) return text.shown;
  return (
    <>
      <span aria-hidden="true">{text.shown}</span>
      <span className="visually-hidden">{text.spoken}</span>
    </>
  );
}
