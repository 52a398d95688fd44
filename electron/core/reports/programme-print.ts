/**
 * The programme report as a printed document, in the language chosen for it: the period and the group, each group's
 * section (its attendance rate, then its tables with their bars) and the section of all groups, and the footer that
 * explains the suppression rule. Made from a report the main side has just computed and suppressed
 * (`programme.ts`); counts only, nothing of any one person. The tables are drawn as the funder report's are.
 */
import { reportChangeCharts } from '@shared/charts/report-change';
import type { ProgrammeReport, ReportTable } from '@shared/reports';
import { htmlTag, type Html } from '../print/html';
import { chartSvg } from '../print/chart-svg';
import type { PrintText } from '../print/labels';
import { pageMarginStyle } from '../print/page-margins';
import { printDocument, type DocumentMode } from '../print/template';
import { tableBlock, translate } from './funder-print';

const html = htmlTag();

/** The whole document as HTML text; `today` is the day printed at the foot of every page. */
export function programmeReportDocument(
  report: ProgrammeReport,
  text: PrintText,
  options: { today: string; mode: DocumentMode },
): string {
  const printedOn = text.t('funderReport.printedOn', { date: text.shortDay(options.today) });
  let index = 0;
  const body = html`<header class="doc-header">
      <h1>${text.t('programmeReport.title')}</h1>
      <p class="doc-meta">
        ${text.t('funderReport.period', { from: text.shortDay(report.period.from), to: text.shortDay(report.period.to) })}
      </p>
      <p class="doc-meta">
        ${report.cohort ? text.t('funderReport.group', { name: report.cohort.name }) : text.t('funderReport.allGroups')}
      </p>
    </header>
    ${report.sections.length === 0 ? html`<p>${text.t('programmeReport.none')}</p>` : null}
    ${report.sections.map(
      (section) =>
        html`<section class="print-section">
          <h2>${section.cohort ? section.cohort.name : text.t('funderReport.allGroups')}</h2>
          <p class="doc-meta">
            ${text.t('funderReport.attendanceRate')}:
            ${section.attendanceRate === null
              ? text.t('funderReport.rateNotShown')
              : text.t('funderReport.rate', { rate: section.attendanceRate })}
          </p>
          ${section.tables.map((table) =>
            tableBlock(text, table, index++, table.id === 'change' ? changeFigures(text, table, index) : undefined),
          )}
        </section>`,
    )}
    <footer class="report-footer">
      <h3>${text.t('funderReport.footerHeading')}</h3>
      <p>${text.t('programmeReport.footer', { below: report.threshold - 1, k: report.threshold })}</p>
    </footer>`;
  const margins =
    options.mode === 'print'
      ? pageMarginStyle(text, { topLeft: null, topRight: text.t('programmeReport.title'), bottomLeft: printedOn })
      : null;
  return printDocument({ locale: text.locale, title: text.t('programmeReport.title'), body, margins });
}

/** The change per domain as the group's page draws it, for the domains whose counts are all shown. */
function changeFigures(text: PrintText, table: ReportTable, index: number): Html {
  const { legend, charts, leftOut } = reportChangeCharts(table, translate(text));
  return html`${chartSvg(legend, `change${index}-key`)} ${charts.map(({ chart }, i) => chartSvg(chart, `change${index}-${i}`))}
  ${leftOut.length > 0
    ? html`<p class="doc-meta">${text.t('programmeReport.changeLeftOut', { domains: leftOut.join(', ') })}</p>`
    : null}`;
}
