/**
 * The printed plan's channels (shared/plan-print.ts). The preview is not audited: it shows what the plan tab shows
 * this user. Every PDF saved and every print the system dialog completes is audited under the participant, with
 * the version printed and the language, never the content.
 */
import { dayOf } from '@shared/days';
import type { PlanPrintRequest } from '@shared/plans';
import type { CoreContext, HandlerGroup } from '../handler';
import { printable, savePdf, sendToPrinter, type Printable } from '../print/deliver';
import { printText } from '../print/labels';
import { buildPlanPrint, planPrintAuditDetail } from '../print/plan-print';

interface PrintedPlan extends Printable {
  version: number | null;
}

function printedPlan(context: CoreContext, request: PlanPrintRequest): PrintedPlan {
  let version: number | null = null;
  const document = printable(context, (db, session) => {
    const built = buildPlanPrint(db, session, request, { now: context.now, mode: 'print' });
    version = built.version;
    return built.html;
  });
  return { ...document, version };
}

function planPrintAudit(
  action: 'plans.printPdf' | 'plans.print',
  { vault }: CoreContext,
  request: PlanPrintRequest,
  printed: PrintedPlan,
): void {
  vault.write(
    {
      action,
      entity: 'participant',
      entityId: request.participantId,
      outcome: 'ok',
      detail: planPrintAuditDetail(request, printed.version),
    },
    () => undefined,
  );
}

/** The suggested file name: the kind of document and the day, never whose plan it is. */
const defaultFileName = (request: PlanPrintRequest, now: Date) =>
  `${printText(request.locale).t('planPrint.fileName')}-${dayOf(now)}.pdf`;

export const planPrintHandlers = {
  'plans.printPreview': {
    kind: 'tx',
    run: (input, { db, session, now }) => ({ html: buildPlanPrint(db, session, input, { now, mode: 'preview' }).html }),
  },

  'plans.printPdf': {
    kind: 'core',
    run: (input, context) => {
      const printed = printedPlan(context, input);
      return savePdf(context, printed, {
        channel: 'plans.printPdf',
        defaultName: defaultFileName(input, context.now),
        audit: () => planPrintAudit('plans.printPdf', context, input, printed),
      });
    },
  },

  'plans.print': {
    kind: 'core',
    run: (input, context) => {
      const printed = printedPlan(context, input);
      return sendToPrinter(context, printed, {
        channel: 'plans.print',
        audit: () => planPrintAudit('plans.print', context, input, printed),
      });
    },
  },
} satisfies HandlerGroup;
