import type { TestCore } from './core';

/** The partner planted referrals go to: the programme's register, which stays when a participant's file goes. */
export const REFERRAL_PARTNER = 'Työkeskus Etelä';

/** The register's partner for planted referrals, added the first time it is needed; returns its id. */
export async function referralPartner(t: TestCore): Promise<string> {
  const found = (await t.ok('partners.list', {})).find((p) => p.name === REFERRAL_PARTNER);
  if (found) return found.id;
  return (await t.ok('partners.save', { name: REFERRAL_PARTNER, type: 'employmentServices', notes: null })).partner.id;
}

/**
 * As a caseworker or the coordinator (unlocked), gives the participant a referral that carries `mark` in each of
 * its texts: consent to share with the partner, a draft (reason, message, summary), sent, then declined with a
 * reason. The participant must already have consent to processing. Returns the referral's id.
 */
export async function plantReferral(t: TestCore, participantId: string, mark: string, date = '2026-11-20'): Promise<string> {
  await t.ok('consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName: REFERRAL_PARTNER,
    givenOn: date,
    method: 'signed',
  });
  const { referral } = await t.ok('referrals.create', {
    participantId,
    partnerId: await referralPartner(t),
    serviceType: 'employmentServices',
    urgency: 'soon',
    reason: `Internal ${mark}reason`,
    message: `Dear partner ${mark}message`,
    sharedFields: ['name', 'summary'],
    summary: `For you ${mark}refsummary`,
  });
  await t.ok('referrals.transition', { id: referral.id, to: 'sent', date });
  await t.ok('referrals.transition', { id: referral.id, to: 'declined', date, reason: `No room ${mark}declined` });
  return referral.id;
}
