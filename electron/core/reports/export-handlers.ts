/**
 * The funder report leaving the app: as a PDF through the print path, or as CSV of its aggregate rows, saved where
 * the user chooses. Each export counts the report again in one read transaction of the open vault (no figure is
 * taken from the interface), writes the file whole or not at all, and is audited under its channel's name with
 * which report, which set, which period, which group and which language — never a figure. A cancelled dialog
 * leaves nothing.
 */
import { dayOf } from '@shared/days';
import type { Locale } from '@shared/locales';
import type { FunderReport } from '@shared/reports';
import type { CoreContext, HandlerGroup } from '../handler';
import { failedWrite, printable, savePdf, saveFile, type Printable } from '../print/deliver';
import { printText } from '../print/labels';
import { funderCsv } from './csv';
import { funderReport } from './funder';
import { funderFileName, funderReportDocument } from './funder-print';

type ExportAction = 'reports.exportFunderPdf' | 'reports.exportFunderCsv';
interface PeriodRequest {
  from: string;
  to: string;
  cohortId?: string | undefined;
  locale: Locale;
}

/**
 * What the audit log says of an export: the report, its indicator set (by id: its version is a citation of the
 * rules), the period, the group and the language; never a count.
 */
export function reportAuditDetail(report: Pick<FunderReport, 'set'>, request: PeriodRequest, format: 'pdf' | 'csv'): string {
  return [
    'report:funder',
    `set:${report.set.id}`,
    `period:${request.from}..${request.to}`,
    `cohort:${request.cohortId ?? 'all'}`,
    `format:${format}`,
    `locale:${request.locale}`,
  ].join(';');
}

/** The report counted again from the open vault, and the document made of it in the chosen language. */
function exported(
  context: CoreContext,
  request: PeriodRequest,
  render: (report: FunderReport) => string,
): Printable & { report: () => FunderReport } {
  let report: FunderReport | null = null;
  const document = printable(context, (db) => {
    report = funderReport(
      db,
      { from: request.from, to: request.to, cohortId: request.cohortId ?? null },
      request.locale,
      dayOf(context.now),
    );
    return render(report);
  });
  return { ...document, report: () => report! };
}

function exportAudit(action: ExportAction, { vault }: CoreContext, request: PeriodRequest, detail: string): void {
  vault.write(
    {
      action,
      ...(request.cohortId ? { entity: 'cohort', entityId: request.cohortId } : {}),
      outcome: 'ok',
      detail,
    },
    () => undefined,
  );
}

export const reportExportHandlers = {
  'reports.exportFunderPdf': {
    kind: 'core',
    run: (input, context) => {
      const text = printText(input.locale);
      const document = exported(context, input, (report) =>
        funderReportDocument(report, text, { today: dayOf(context.now), mode: 'print' }),
      );
      return savePdf(context, document, {
        channel: 'reports.exportFunderPdf',
        defaultName: funderFileName(text, input, 'pdf'),
        audit: () => exportAudit('reports.exportFunderPdf', context, input, reportAuditDetail(document.report(), input, 'pdf')),
      });
    },
  },

  'reports.exportFunderCsv': {
    kind: 'core',
    run: (input, context) => {
      const text = printText(input.locale);
      const document = exported(context, input, (report) => funderCsv(report, text));
      return saveFile(
        context,
        { stillOpen: document.stillOpen, bytes: () => Promise.resolve(Buffer.from(document.html, 'utf8')) },
        {
          channel: 'reports.exportFunderCsv',
          purpose: 'csv',
          defaultName: funderFileName(text, input, 'csv'),
          writeFailure: (error) =>
            failedWrite(error, { diskFull: 'export_disk_full', notWritable: 'export_not_writable', other: 'export_failed' }),
          audit: () => exportAudit('reports.exportFunderCsv', context, input, reportAuditDetail(document.report(), input, 'csv')),
        },
      );
    },
  },
} satisfies HandlerGroup;
