/**
 * A staffed vault for the referral letter and plan print tests: one participant with every field filled in (LEILA),
 * consent to processing and to sharing with one partner, a guidance note, a plan of two goals and four steps, and
 * a referral to that partner sharing some fields only. Markers in every text show what a document holds. For tests.
 */
import type { InputOf } from '@shared/api';
import type { ShellPort } from '../../shell/port';
import { LEILA, staffedVault, type StaffedVault } from '../../../../tests/support/participants';
import { samplePlanGoals } from '../../plans/testing/plan';

export const LETTER_MARK = {
  reason: 'LETTERREASONMARK',
  message: 'LETTERMESSAGEMARK',
  summary: 'LETTERSUMMARYMARK',
  note: 'LETTERNOTEMARK',
  plan: 'LETTERPLANMARK',
  organisation: 'Polkuyhdistys ry',
  organisationPhone: '09 555 0100',
} as const;

export const LETTER_PARTNER = 'Työkeskus Etelä';

/** The fields the referral shares; the others (birth year, contact, work ability...) must not appear. */
export const CHOSEN: InputOf<'referrals.create'>['sharedFields'] = ['name', 'languages', 'planGoals', 'summary'];

export interface LetterCase extends StaffedVault {
  participantId: string;
  pseudonym: string;
  partnerId: string;
  referralId: string;
  /** The consent to share with the partner, to withdraw. */
  consentId: string;
}

/** The vault, the file and a referral marked sent, with the caseworker unlocked. */
export async function letterCase(shell: ShellPort): Promise<LetterCase> {
  const v = await staffedVault({ shell });
  await v.as('coordinator');
  await v.t.ok('settings.update', {
    organisationName: LETTER_MARK.organisation,
    organisationPhone: LETTER_MARK.organisationPhone,
  });
  await v.as('caseworker');
  const { participant } = await v.t.ok('participants.create', { ...LEILA, responsibleCaseworkerId: v.caseworkerId });
  const participantId = participant.id;
  await v.t.ok('consents.record', { participantId, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  const { id: consentId } = await v.t.ok('consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName: LETTER_PARTNER,
    givenOn: '2026-11-02',
    method: 'signed',
  });
  await v.t.ok('notes.create', {
    participantId,
    date: '2026-11-20',
    type: 'phone_call',
    text: `Puhelu. ${LETTER_MARK.note}`,
  });
  await v.t.ok('plans.save', { participantId, baseVersion: null, goals: samplePlanGoals(LETTER_MARK.plan) });
  const { partner } = await v.t.ok('partners.save', { name: LETTER_PARTNER, type: 'employmentServices', notes: null });
  const { contact } = await v.t.ok('partners.saveContact', {
    partnerId: partner.id,
    name: 'Maija Yhteys',
    role: null,
    phone: null,
    email: null,
  });
  const { referral } = await v.t.ok('referrals.create', {
    participantId,
    partnerId: partner.id,
    contactId: contact.id,
    serviceType: 'employmentServices',
    urgency: 'soon',
    reason: `Sisäinen syy. ${LETTER_MARK.reason}`,
    message: `Hei, ohjaamme osallistujan teille. ${LETTER_MARK.message}`,
    sharedFields: CHOSEN,
    summary: `Kirjoitettu tätä lähetettä varten. ${LETTER_MARK.summary}`,
    followUpOn: '2026-12-10',
  });
  await v.t.ok('referrals.transition', { id: referral.id, to: 'sent', date: '2026-11-28' });
  return {
    ...v,
    participantId,
    pseudonym: participant.pseudonym,
    partnerId: partner.id,
    referralId: referral.id,
    consentId,
  };
}
