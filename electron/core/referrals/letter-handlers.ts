/**
 * The referral letter's channels (shared/referral-letter.ts). The preview is not audited: it shows on screen what
 * the referral already shows this user. Every PDF saved and every print the system dialog completes is audited
 * under the participant, naming the referral, the shared fields and the language, never the letter's content.
 */
import { dayOf } from '@shared/days';
import type { ReferralLetterRequest } from '@shared/referrals';
import type { SharedField } from '@shared/referrals';
import type { CoreContext, HandlerGroup } from '../handler';
import { printable, savePdf, sendToPrinter, type Printable } from '../print/deliver';
import { printText } from '../print/labels';
import { buildReferralLetter, letterAuditDetail } from '../print/referral-letter';

/** A letter ready to leave, with what its audit record names. */
interface Letter extends Printable {
  participantId: string;
  fields: SharedField[];
}

function letter(context: CoreContext, request: ReferralLetterRequest): Letter {
  let fields: SharedField[] = [];
  let participantId = '';
  const document = printable(context, (db, session) => {
    const built = buildReferralLetter(db, session, request, { now: context.now, mode: 'print' });
    fields = built.fields;
    participantId = built.participantId;
    return built.html;
  });
  return { ...document, fields, participantId };
}

function letterAudit(
  action: 'referrals.letterPdf' | 'referrals.letterPrint',
  { vault }: CoreContext,
  request: ReferralLetterRequest,
  sent: Letter,
): void {
  vault.write(
    {
      action,
      entity: 'participant',
      entityId: sent.participantId,
      outcome: 'ok',
      detail: letterAuditDetail(request, sent.fields),
    },
    () => undefined,
  );
}

/** The suggested file name: the kind of document and the day, never whom it is about or where it goes. */
const defaultFileName = (request: ReferralLetterRequest, now: Date) =>
  `${printText(request.locale).t('referralLetter.fileName')}-${dayOf(now)}.pdf`;

export const referralLetterHandlers = {
  'referrals.letterPreview': {
    kind: 'tx',
    run: (input, { db, session, now }) => ({ html: buildReferralLetter(db, session, input, { now, mode: 'preview' }).html }),
  },

  'referrals.letterPdf': {
    kind: 'core',
    run: (input, context) => {
      const sent = letter(context, input);
      return savePdf(context, sent, {
        channel: 'referrals.letterPdf',
        defaultName: defaultFileName(input, context.now),
        audit: () => letterAudit('referrals.letterPdf', context, input, sent),
      });
    },
  },

  'referrals.letterPrint': {
    kind: 'core',
    run: (input, context) => {
      const sent = letter(context, input);
      return sendToPrinter(context, sent, {
        channel: 'referrals.letterPrint',
        audit: () => letterAudit('referrals.letterPrint', context, input, sent),
      });
    },
  },
} satisfies HandlerGroup;
