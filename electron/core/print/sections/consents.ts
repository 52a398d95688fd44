import type { ConsentOverride, ConsentRecord, PurposeRegister } from '@shared/consents';
import { consentRegisterOf } from '../../consents/register';
import type { Html } from '../html';
import { staffName, type PrintSection, type SectionContext } from './section';

/** A consent as recorded: given (how, by whom), the partner, whom to keep it from, its withdrawal. */
function consentLines(context: SectionContext, c: ConsentRecord): Html {
  const { html, text, pseudonymOnly } = context;
  const lines = [
    text.t('consents.details.given', {
      date: text.day(c.givenOn),
      method: text.t(`consents.methods.${c.method}`),
      name: staffName(context, c.recordedByName),
    }),
    c.partnerName && text.t('consents.details.partner', { name: c.partnerName }),
    // Whom the participant wants the information kept from is often a named person.
    !pseudonymOnly && c.withholdFrom && text.t('consents.details.withholdFrom', { who: c.withholdFrom }),
    !pseudonymOnly && c.withholdReason && text.t('consents.details.withholdReason', { why: c.withholdReason }),
    c.withdrawnOn &&
      text.t('consents.details.withdrawn', {
        date: text.day(c.withdrawnOn),
        name: staffName(context, c.withdrawalRecordedByName),
      }),
  ];
  return html`<div class="entry">${lines.map((line) => (line ? html`<p class="text">${line}</p>` : null))}</div>`;
}

/** The coordinator's permission to work without consent, with the reason and its end. */
function overrideLines(context: SectionContext, o: ConsentOverride): Html {
  const { html, text } = context;
  const lines = [
    text.t('consents.details.override', { name: staffName(context, o.grantedByName), date: text.day(o.grantedAt) }),
    text.t('consents.details.overrideReason', { reason: o.reason }),
    o.revokedAt && text.t('consents.details.revoked', { date: text.day(o.revokedAt), name: staffName(context, o.revokedByName) }),
  ];
  return html`<div class="entry">${lines.map((line) => (line ? html`<p class="text">${line}</p>` : null))}</div>`;
}

function purposeBlock(context: SectionContext, purpose: PurposeRegister): Html {
  const { html, text } = context;
  const records = purpose.consents.length + purpose.overrides.length;
  return html`<h3>${text.t(`consents.purposes.${purpose.purpose}`)}: ${text.t(`consents.standing.${purpose.standing}`)}</h3>
    ${records === 0 ? html`<p class="muted">${text.t('consents.table.nothing')}</p>` : null}${purpose.consents.map((c) =>
      consentLines(context, c),
    )}${purpose.overrides.map((o) => overrideLines(context, o))}`;
}

/**
 * The consent register: each purpose with its standing and every record about it, newest first, then signature
 * lines so that the participant and the caseworker can sign the printout as the consent form.
 */
export const consentsSection: PrintSection = {
  id: 'consents',
  permission: 'participants.read',
  signatures: true,
  dated: false,
  render(context) {
    const register = consentRegisterOf(context.db, context.participant.id);
    return context.html`${register.purposes.map((purpose) => purposeBlock(context, purpose))}`;
  },
};
