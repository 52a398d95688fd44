/**
 * The funder report leaving the app: as a PDF through the print path, or as CSV of its aggregate rows, saved where
 * the user chooses. Each export counts the report again in one read transaction of the open vault (no figure is
 * taken from the interface), writes the file whole or not at all, and is audited under its channel's name with
 * which report, which set, which period, which group and which language — never a figure. A cancelled dialog
 * leaves nothing.
 */
import { dayOf } from '@shared/days';
import type { Locale } from '@shared/locales';
import type { SessionInfo } from '@shared/vault';
import type { Db } from '../db/open';
import type { CoreContext, HandlerGroup } from '../handler';
import { failedWrite, printable, savePdf, saveFile, type Printable } from '../print/deliver';
import { printText } from '../print/labels';
import { funderCsv, programmeCsv } from './csv';
import { funderReport } from './funder';
import { reportFileName, funderReportDocument } from './funder-print';
import { programmeReader, programmeReport } from './programme';
import { programmeReportDocument } from './programme-print';

type ExportAction =
  | 'reports.exportFunderPdf'
  | 'reports.exportFunderCsv'
  | 'reports.exportProgrammePdf'
  | 'reports.exportProgrammeCsv';
interface PeriodRequest {
  from: string;
  to: string;
  cohortId?: string | undefined;
  locale: Locale;
}

/**
 * What the audit log says of an export: the report, the funder report's indicator set (by id: its version is a
 * citation of the rules), the period, the group and the language; never a count.
 */
export function reportAuditDetail(
  report: { kind: 'funder'; setId: string } | { kind: 'programme' },
  request: PeriodRequest,
  format: 'pdf' | 'csv',
): string {
  return [
    `report:${report.kind}`,
    ...(report.kind === 'funder' ? [`set:${report.setId}`] : []),
    `period:${request.from}..${request.to}`,
    `cohort:${request.cohortId ?? 'all'}`,
    `format:${format}`,
    `locale:${request.locale}`,
  ].join(';');
}

/** A report counted again from the open vault, and the document made of it in the chosen language. */
function exported<R>(
  context: CoreContext,
  count: (db: Db, session: SessionInfo) => R,
  render: (report: R) => string,
): Printable & { report: () => R } {
  let report: R | null = null;
  const document = printable(context, (db, session) => {
    report = count(db, session);
    return render(report);
  });
  return { ...document, report: () => report! };
}

const funderOf = (context: CoreContext, request: PeriodRequest) => (db: Db) =>
  funderReport(db, periodOf(request), request.locale, dayOf(context.now));

const programmeOf = (context: CoreContext, request: PeriodRequest) => (db: Db, session: SessionInfo) =>
  programmeReport(db, periodOf(request), programmeReader(session), dayOf(context.now));

function periodOf(request: PeriodRequest) {
  return { from: request.from, to: request.to, cohortId: request.cohortId ?? null };
}

/** A CSV written through the one save path, with the exports' own sentences for a failed write. */
function saveCsv(context: CoreContext, document: Printable, channel: ExportAction, defaultName: string, audit: () => void) {
  return saveFile(
    context,
    { stillOpen: document.stillOpen, bytes: () => Promise.resolve(Buffer.from(document.html, 'utf8')) },
    {
      channel,
      purpose: 'csv',
      defaultName,
      writeFailure: (error) =>
        failedWrite(error, { diskFull: 'export_disk_full', notWritable: 'export_not_writable', other: 'export_failed' }),
      audit,
    },
  );
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
      const document = exported(context, funderOf(context, input), (report) =>
        funderReportDocument(report, text, { today: dayOf(context.now), mode: 'print' }),
      );
      const detail = () => reportAuditDetail({ kind: 'funder', setId: document.report().set.id }, input, 'pdf');
      return savePdf(context, document, {
        channel: 'reports.exportFunderPdf',
        defaultName: reportFileName(text, input, 'pdf'),
        audit: () => exportAudit('reports.exportFunderPdf', context, input, detail()),
      });
    },
  },

  'reports.exportFunderCsv': {
    kind: 'core',
    run: (input, context) => {
      const text = printText(input.locale);
      const document = exported(context, funderOf(context, input), (report) => funderCsv(report, text));
      const detail = () => reportAuditDetail({ kind: 'funder', setId: document.report().set.id }, input, 'csv');
      return saveCsv(context, document, 'reports.exportFunderCsv', reportFileName(text, input, 'csv'), () =>
        exportAudit('reports.exportFunderCsv', context, input, detail()),
      );
    },
  },

  'reports.exportProgrammePdf': {
    kind: 'core',
    run: (input, context) => {
      const text = printText(input.locale);
      const document = exported(context, programmeOf(context, input), (report) =>
        programmeReportDocument(report, text, { today: dayOf(context.now), mode: 'print' }),
      );
      return savePdf(context, document, {
        channel: 'reports.exportProgrammePdf',
        defaultName: reportFileName(text, input, 'pdf', 'programmeReport'),
        audit: () =>
          exportAudit('reports.exportProgrammePdf', context, input, reportAuditDetail({ kind: 'programme' }, input, 'pdf')),
      });
    },
  },

  'reports.exportProgrammeCsv': {
    kind: 'core',
    run: (input, context) => {
      const text = printText(input.locale);
      const document = exported(context, programmeOf(context, input), (report) => programmeCsv(report, text));
      return saveCsv(context, document, 'reports.exportProgrammeCsv', reportFileName(text, input, 'csv', 'programmeReport'), () =>
        exportAudit('reports.exportProgrammeCsv', context, input, reportAuditDetail({ kind: 'programme' }, input, 'csv')),
      );
    },
  },
} satisfies HandlerGroup;
