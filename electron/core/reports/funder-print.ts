/**
 * The funder report as a printed document, in the language chosen for it: the indicator set's name and version,
 * the period and the group, each table (codes, rows "of whom" indented, "under k" and ".." as the screen shows them)
 * with its bars (shared/charts/report-bars.ts, built from the shown figures only), the participations not counted,
 * the attendance rate, and a footer that explains the suppression rule in that language. Made from a report the
 * main side has just computed and suppressed (`funder.ts`): nothing in it comes from the interface, and it holds
 * counts only — no name, code, date of birth or free text of anyone.
 */
import type { FunderReport, ReportTable } from '@shared/reports';
import { cellText, labelText, reportBarsChart } from '@shared/charts/report-bars';
import { chartSvg } from '../print/chart-svg';
import { htmlTag, type Html } from '../print/html';
import type { PrintText } from '../print/labels';
import { pageMarginStyle } from '../print/page-margins';
import { printDocument, type DocumentMode } from '../print/template';

const html = htmlTag();

/** The translator of the shared chart and label code, over the printout's words. */
export const translate = (text: PrintText) => (key: string, values?: Record<string, string | number>) => text.t(key, values);

/** A table of a report with its bars; the code column only where a row has a funder's code. */
export function tableBlock(text: PrintText, table: ReportTable, index: number, figure?: Html): Html {
  const t = translate(text);
  const coded = table.rows.some((row) => row.code !== null);
  return html`<section class="print-section report-section">
    <h2>${labelText(t, table.title)}</h2>
    <table class="report-table">
      <thead>
        <tr>
          ${coded ? html`<th class="col-code">${text.t('funderReport.code')}</th>` : ''}
          <th>${text.t(coded ? 'funderReport.row' : 'programmeReport.row')}</th>
          ${table.columns.map((column) => html`<th class="num">${labelText(t, column)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (row) =>
            html`<tr class="${row.within ? 'within' : 'top'}">
              ${coded ? html`<td class="col-code">${row.code ?? ''}</td>` : ''}
              <td class="row-label">${labelText(t, row.label)}</td>
              ${row.cells.map((cell) => html`<td class="num">${cellText(t, cell)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="report-chart">${figure ?? chartSvg(reportBarsChart(table, t), `bars${index}`)}</div>
  </section>`;
}

/** The period in the printout's short days: "1.1.2026–31.12.2026". */
function periodText(text: PrintText, report: FunderReport): string {
  return text.t('funderReport.period', { from: text.shortDay(report.period.from), to: text.shortDay(report.period.to) });
}

/** The whole document as HTML text; `today` is the day printed at the foot of every page. */
export function funderReportDocument(
  report: FunderReport,
  text: PrintText,
  options: { today: string; mode: DocumentMode },
): string {
  const t = translate(text);
  const printedOn = text.t('funderReport.printedOn', { date: text.shortDay(options.today) });
  const rate =
    report.attendanceRate === null
      ? text.t('funderReport.rateNotShown')
      : text.t('funderReport.rate', { rate: report.attendanceRate });
  const body = html`<header class="doc-header">
      <h1>${text.t('funderReport.title')}</h1>
      <p class="doc-subject">${report.set.name}</p>
      <p class="doc-meta">${text.t('funderReport.version', { version: report.set.version })}</p>
      <p class="doc-meta">${periodText(text, report)}</p>
      <p class="doc-meta">
        ${report.cohort ? text.t('funderReport.group', { name: report.cohort.name }) : text.t('funderReport.allGroups')}
      </p>
    </header>
    ${report.tables.map((table, index) => tableBlock(text, table, index))}
    <section class="print-section report-section">
      <h2>${text.t('funderReport.otherFigures')}</h2>
      <table class="report-table">
        <tbody>
          <tr>
            <td class="row-label">${text.t('funderReport.notCounted')}</td>
            <td class="num">${cellText(t, report.notCounted)}</td>
          </tr>
          <tr>
            <td class="row-label">${text.t('funderReport.attendanceRate')}</td>
            <td class="num">${rate}</td>
          </tr>
        </tbody>
      </table>
    </section>
    <footer class="report-footer">
      <h3>${text.t('funderReport.footerHeading')}</h3>
      <p>${text.t('funderReport.footer', { below: report.threshold - 1, k: report.threshold })}</p>
    </footer>`;
  const margins =
    options.mode === 'print'
      ? pageMarginStyle(text, { topLeft: null, topRight: text.t('funderReport.title'), bottomLeft: printedOn })
      : null;
  return printDocument({ locale: text.locale, title: text.t('funderReport.title'), body, margins });
}

/**
 * The suggested file name of a report (the funder's or the programme's): its kind and its period, never a group's
 * name: "rahoittajaraportti-2026" for a calendar year, else "rahoittajaraportti-2026-01-01-2026-06-30".
 */
export function reportFileName(
  text: PrintText,
  period: { from: string; to: string },
  extension: 'pdf' | 'csv',
  report: 'funderReport' | 'programmeReport' = 'funderReport',
): string {
  const year = period.from.slice(0, 4);
  const wholeYear = period.from === `${year}-01-01` && period.to === `${year}-12-31`;
  return `${text.t(`${report}.fileName`)}-${wholeYear ? year : `${period.from}-${period.to}`}.${extension}`;
}
