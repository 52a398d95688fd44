/** Test support for referrals: a staffed vault with a consenting participant and a partner, the caseworker unlocked. */
import type { InputOf } from '@shared/api';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../../tests/support/participants';

/** The test clock's day (tests/support/core.ts starts it at 2026-11-28, 09:00 UTC). */
export const TODAY = '2026-11-28';

/** Planted in each text of a referral: erasure, deletion and the audit must leave none of them behind. */
export const REFERRAL_MARK = {
  reason: 'REFREASONMARKERQX',
  message: 'REFMESSAGEMARKERQY',
  summary: 'REFSUMMARYMARKERQZ',
  decline: 'REFDECLINEMARKERQW',
} as const;

export const PARTNER_NAME = 'Työkeskus Etelä';

export interface ReferralVault extends StaffedVault {
  participantId: string;
  partnerId: string;
  contactId: string;
  /** A referral's draft fields, to the vault's partner; `changes` replace any of them. */
  draft(changes?: Partial<InputOf<'referrals.create'>>): InputOf<'referrals.create'>;
}

/**
 * A staffed vault with one participant who has consented to processing (not to partner sharing), and a partner
 * with one contact person; the caseworker is unlocked.
 */
export async function referralVault(): Promise<ReferralVault> {
  const v = await staffedVault();
  const participantId = await addConsentingParticipant(v);
  const { partner } = await v.t.ok('partners.save', { name: PARTNER_NAME, type: 'employmentServices', notes: null });
  const { contact } = await v.t.ok('partners.saveContact', {
    partnerId: partner.id,
    name: 'Maija Yhteys',
    role: null,
    phone: null,
    email: null,
  });
  const draft = (changes: Partial<InputOf<'referrals.create'>> = {}): InputOf<'referrals.create'> => ({
    participantId,
    partnerId: partner.id,
    contactId: contact.id,
    serviceType: 'employmentServices',
    urgency: 'soon',
    reason: `Tarvitsee työnhakijaksi ilmoittautumisen. ${REFERRAL_MARK.reason}`,
    message: `Hei, ohjaamme asiakkaan teille. ${REFERRAL_MARK.message}`,
    sharedFields: ['name', 'languages', 'summary'],
    summary: `Puhuu arabiaa ja suomea. ${REFERRAL_MARK.summary}`,
    followUpOn: '2026-12-10',
    ...changes,
  });
  return { ...v, participantId, partnerId: partner.id, contactId: contact.id, draft };
}
