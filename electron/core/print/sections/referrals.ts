import type { Referral, ReferralEvent } from '@shared/referrals';
import { dayOf } from '@shared/days';
import { listReferrals } from '../../referrals/repo';
import type { Html } from '../html';
import { facts, nothing, staffName, type PrintSection, type SectionContext } from './section';

/** One move of a referral: its status, day and mover, and the reason or outcome it was given. */
function eventLine(context: SectionContext, event: ReferralEvent): Html {
  const { html, text } = context;
  const said = [
    event.reason,
    event.outcome && text.t(`referrals.outcomes.${event.outcome}`),
    event.outcomeText,
    event.standing === 'override' && text.t('print.referrals.underOverride'),
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return html`<li>
    ${text.t('print.referrals.event', {
      status: text.t(`referrals.statuses.${event.status}`),
      date: text.day(event.date),
      name: staffName(context, event.byName),
    })}${said.length > 0 ? `: ${said.join(' · ')}` : ''}
  </li>`;
}

function referralBlock(context: SectionContext, r: Referral): Html {
  const { html, text, pseudonymOnly } = context;
  const l = (key: string) => text.t(`print.referrals.${key}`);
  const fields = r.sharedFields.map((field) => text.t(`referrals.sharedFields.${field}`)).join(', ');
  return html`<div class="entry">
    <h3>${text.t(`referrals.serviceTypes.${r.serviceType}`)} – ${r.partnerName}</h3>
    ${facts(context, [
      [l('status'), `${text.t(`referrals.statuses.${r.status}`)}${r.overdue ? ` (${l('overdue')})` : ''}`],
      [l('urgency'), text.t(`referrals.urgencies.${r.urgency}`)],
      // The contact person at the partner is a named person: left out of a pseudonym-only print.
      ...(pseudonymOnly ? [] : [[l('contact'), r.contactName] as const]),
      [l('reason'), r.reason],
      [l('message'), r.message],
      [l('shared'), fields === '' ? l('nothingShared') : fields],
      ...(r.summary === null ? [] : [[text.t('referrals.sharedFields.summary'), r.summary] as const]),
      [l('followUp'), r.followUpOn && text.day(r.followUpOn)],
    ])}
    <p class="entry-meta">${l('history')}</p>
    <ul>
      ${r.events.map((event) => eventLine(context, event))}
    </ul>
  </div>`;
}

/**
 * The participant's referrals onward, newest first, each whole as the file holds it: the case summary is internal,
 * so the reason, the message, what was shared and the whole history print. A pseudonym-only print leaves out the
 * partner's contact person, and the document's name removal takes the participant's names out of every text.
 */
export const referralsSection: PrintSection = {
  id: 'referrals',
  permission: 'referrals.read',
  signatures: false,
  dated: false,
  render(context) {
    const referrals = listReferrals(context.db, context.participant.id, dayOf(context.now));
    if (referrals.length === 0) return nothing(context);
    return context.html`${referrals.map((r) => referralBlock(context, r))}`;
  },
};
