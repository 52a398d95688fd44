import { facts, type PrintSection } from './section';

/**
 * How the participant came to the programme: who referred them, the organisation, its contact person and the
 * date. Pseudonym-only leaves out the contact person, who is named.
 */
export const referralSection: PrintSection = {
  id: 'referral',
  permission: 'participants.read',
  signatures: false,
  dated: false,
  render(context) {
    const { participant: p, text, pseudonymOnly } = context;
    const f = (field: string) => text.t(`participant.fields.${field}`);
    return facts(context, [
      [f('referralSourceType'), p.referralSourceType && text.t(`participant.referralSource.${p.referralSourceType}`)],
      [f('referralOrganisation'), p.referralOrganisation],
      ...(pseudonymOnly ? [] : [[f('referralContactPerson'), p.referralContactPerson] as const]),
      [f('referralDate'), p.referralDate && text.day(p.referralDate)],
    ]);
  },
};
