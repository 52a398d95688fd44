import { dayOf } from '@shared/days';
import type { Locale } from '@shared/locales';
import type { CoreContext, HandlerGroup } from '../handler';
import { printable, savePdf, sendToPrinter } from './deliver';
import { printText } from './labels';
import { PRINT_SECTIONS } from './sections';
import { buildSummary, printAuditDetail, sectionsFor, type SummaryRequest } from './summary';

/** The suggested file name: the kind of document and the day, never who it is about. */
function defaultFileName(locale: Locale, now: Date): string {
  return `${printText(locale).t('print.fileName')}-${dayOf(now)}.pdf`;
}

/** A print that left the app, audited under the participant: which sections and how, never the content. */
function printAudit(action: 'print.pdf' | 'print.print', { vault }: CoreContext, request: SummaryRequest): void {
  vault.write(
    { action, entity: 'participant', entityId: request.participantId, outcome: 'ok', detail: printAuditDetail(request) },
    () => undefined,
  );
}

/**
 * Case summary print. The sections a role may choose come from the registry (sections/index.ts). The preview is
 * not audited: it shows on screen what the file's tabs show this user, whose opening of the file is audited.
 * Every PDF saved and every print the system dialog completes is audited; a cancelled one leaves nothing.
 */
export const printHandlers = {
  'print.sections': {
    kind: 'tx',
    run: (_input, { session }) => ({
      sections: sectionsFor(session.role, PRINT_SECTIONS).map((section) => ({
        id: section.id,
        labels: {
          fi: printText('fi').t(`print.sections.${section.id}`),
          sv: printText('sv').t(`print.sections.${section.id}`),
          en: printText('en').t(`print.sections.${section.id}`),
        },
        dated: section.dated,
        signatures: section.signatures,
      })),
    }),
  },

  'print.preview': {
    kind: 'tx',
    run: (input, { db, session, now }) => ({ html: buildSummary(db, session, input, { now, mode: 'preview' }) }),
  },

  'print.pdf': {
    kind: 'core',
    run: (input, context) =>
      savePdf(
        context,
        printable(context, (db, session) => buildSummary(db, session, input, { now: context.now, mode: 'print' })),
        {
          channel: 'print.pdf',
          defaultName: defaultFileName(input.locale, context.now),
          audit: () => printAudit('print.pdf', context, input),
        },
      ),
  },

  'print.print': {
    kind: 'core',
    run: (input, context) =>
      sendToPrinter(
        context,
        printable(context, (db, session) => buildSummary(db, session, input, { now: context.now, mode: 'print' })),
        { channel: 'print.print', audit: () => printAudit('print.print', context, input) },
      ),
  },
} satisfies HandlerGroup;
