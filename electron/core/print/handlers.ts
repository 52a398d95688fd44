import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import type { Locale } from '@shared/locales';
import type { CoreContext, HandlerGroup } from '../handler';
import { removeIfExists, writeFileAtomic } from '../fs/atomic';
import { logEvent } from '../log';
import { printText } from './labels';
import { PRINT_SECTIONS } from './sections';
import { buildSummary, printAuditDetail, sectionsFor, type SummaryRequest } from './summary';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR']);

/** A failed write as a sentence a caseworker can act on; the path and the message stay out of it. */
function writeFailure(error: unknown): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DISK_FULL.has(code)) return new AppError('print_disk_full');
  if (typeof code === 'string' && NOT_WRITABLE.has(code)) return new AppError('print_not_writable');
  return new AppError('print_failed');
}

/** A failure of the print window or dialog: logged by its class, answered as a sentence. */
function printFailure(channel: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  logEvent('internal-error', { channel, error });
  return new AppError('print_failed');
}

/** The suggested file name: the kind of document and the day, never who it is about. */
function defaultFileName(locale: Locale, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${printText(locale).t('print.fileName')}-${day}.pdf`;
}

/** The document for printing, built in one read transaction from the open vault, with that vault. */
function printable({ vault, now }: CoreContext, request: SummaryRequest) {
  const open = vault.current;
  if (!open) throw new AppError('locked');
  const html = open.db.transaction(() => buildSummary(open.db, open.session, request, { now, mode: 'print' }))();
  /** The vault may lock while a dialog is open; nothing is written or audited for a vault that is gone. */
  const stillOpen = () => {
    if (vault.current?.db !== open.db) throw new AppError('locked');
  };
  return { html, stillOpen };
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
    run: async (input, context) => {
      const { html, stillOpen } = printable(context, input);
      const path = await context.shell.chooseSavePath({
        purpose: 'print',
        defaultName: defaultFileName(input.locale, context.now),
      });
      if (path === null) return { status: 'cancelled' as const };
      stillOpen();
      let pdf: Buffer;
      try {
        pdf = await context.shell.renderPdf(html);
      } catch (error) {
        throw printFailure('print.pdf', error);
      }
      stillOpen();
      try {
        writeFileAtomic(path, pdf, 0o600);
      } catch (error) {
        throw writeFailure(error);
      }
      try {
        printAudit('print.pdf', context, input);
      } catch (error) {
        // No PDF without its audit record.
        removeIfExists(path);
        throw error;
      }
      return { status: 'saved' as const, fileName: basename(path) };
    },
  },

  'print.print': {
    kind: 'core',
    run: async (input, context) => {
      const { html, stillOpen } = printable(context, input);
      let printed: boolean;
      try {
        printed = await context.shell.printHtml(html);
      } catch (error) {
        throw printFailure('print.print', error);
      }
      if (!printed) return { status: 'cancelled' as const };
      // Paper may already be coming out. A vault that locked under the dialog cannot record it: the answer is
      // then `locked`, never that all went well.
      stillOpen();
      printAudit('print.print', context, input);
      return { status: 'printed' as const };
    },
  },
} satisfies HandlerGroup;
