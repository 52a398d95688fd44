import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { referralRow } from '@shared/referrals';
import { PARTNER_NAME, REFERRAL_MARK, referralVault, type ReferralVault } from './testing/vault';

const vaults: ReferralVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const LEGAL_AID = 'Oikeusapu Keski';

interface Seeded {
  v: ReferralVault;
  /** Amal's draft to the employment services, follow-up 2026-12-10. */
  draft: string;
  /** Amal's referral sent on 2026-11-20 with a follow-up on 2026-11-25: overdue on the test clock's 2026-11-28. */
  overdue: string;
  /** Bashir's referral to legal aid, sent, follow-up 2026-12-20; Bashir has Kalle as responsible caseworker. */
  legal: string;
  bashir: string;
  legalPartner: string;
}

async function share(v: ReferralVault, participantId: string, partnerName: string) {
  await v.t.ok('consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName,
    givenOn: '2026-11-20',
    method: 'signed',
  });
}

/** Three referrals of two participants to two partners, as the caseworker. */
async function seeded(): Promise<Seeded> {
  const v = await referralVault();
  vaults.push(v);
  const draft = (await v.t.ok('referrals.create', v.draft())).referral.id;
  await share(v, v.participantId, PARTNER_NAME);
  const overdue = (await v.t.ok('referrals.create', v.draft({ followUpOn: null }))).referral.id;
  await v.t.ok('referrals.transition', { id: overdue, to: 'sent', date: '2026-11-20', followUpOn: '2026-11-25' });

  const { participant } = await v.t.ok('participants.create', {
    firstName: 'Bashir',
    lastName: 'Ali',
    responsibleCaseworkerId: v.caseworkerId,
    confirmDuplicate: true,
  });
  const bashir = participant.id;
  await v.t.ok('consents.record', { participantId: bashir, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  await share(v, bashir, LEGAL_AID);
  const legalPartner = (await v.t.ok('partners.save', { name: LEGAL_AID, type: 'other', notes: null })).partner.id;
  const legal = (
    await v.t.ok('referrals.create', {
      ...v.draft({ participantId: bashir, partnerId: legalPartner, contactId: null, serviceType: 'legalAid' }),
    })
  ).referral.id;
  v.t.clock.advance(60_000);
  await v.t.ok('referrals.transition', { id: legal, to: 'sent', date: '2026-11-27', followUpOn: '2026-12-20' });
  return { v, draft, overdue, legal, bashir, legalPartner };
}

const search = async (v: ReferralVault, input: InputOf<'referrals.search'>) => v.t.ok('referrals.search', input);
const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

describe('the Referrals page across participants', () => {
  it('lists every referral with what the page shows, and none of the internal texts', async () => {
    const s = await seeded();
    const page = await search(s.v, { sort: 'participant' });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.participantName, r.partnerName, r.serviceType, r.status])).toEqual([
      ['Amal', PARTNER_NAME, 'employmentServices', 'draft'],
      ['Amal', PARTNER_NAME, 'employmentServices', 'sent'],
      ['Bashir Ali', LEGAL_AID, 'legalAid', 'sent'],
    ]);
    const legal = page.rows.find((r) => r.id === s.legal)!;
    expect(legal).toMatchObject({
      participantId: s.bashir,
      partnerId: s.legalPartner,
      urgency: 'soon',
      followUpOn: '2026-12-20',
      overdue: false,
    });
    expect(legal.pseudonym).toMatch(/^P-2026-\d{3}$/);
    expect(Object.keys(legal).sort()).toEqual(Object.keys(referralRow.shape).sort());
    const text = JSON.stringify(page);
    for (const mark of Object.values(REFERRAL_MARK)) expect(text).not.toContain(mark);
  });

  it('filters by one or several statuses, service type, partner, caseworker and overdue, each narrowing the others', async () => {
    const s = await seeded();
    expect(ids(await search(s.v, { status: ['sent'], sort: 'followUpOn' }))).toEqual([s.overdue, s.legal]);
    expect((await search(s.v, { status: ['draft', 'sent'] })).total).toBe(3);
    expect(ids(await search(s.v, { serviceType: 'legalAid' }))).toEqual([s.legal]);
    expect(ids(await search(s.v, { partnerId: s.v.partnerId, sort: 'followUpOn' }))).toEqual([s.overdue, s.draft]);
    expect(ids(await search(s.v, { caseworkerId: s.v.caseworkerId }))).toEqual([s.legal]);
    const overdue = await search(s.v, { overdue: true });
    expect(overdue).toMatchObject({ total: 1, rows: [{ id: s.overdue, overdue: true, followUpOn: '2026-11-25' }] });
    expect(await search(s.v, { overdue: true, caseworkerId: s.v.caseworkerId })).toEqual({ rows: [], total: 0 });
  });

  it('sorts by the chosen column either way, and pages with the count of all', async () => {
    const s = await seeded();
    expect(ids(await search(s.v, { sort: 'followUpOn', direction: 'desc' }))).toEqual([s.legal, s.draft, s.overdue]);
    expect(ids(await search(s.v, { sort: 'status' }))).toEqual([s.draft, s.overdue, s.legal]);
    expect(ids(await search(s.v, { sort: 'partner', direction: 'desc' }))).toEqual([s.overdue, s.draft, s.legal]);
    expect(ids(await search(s.v, { sort: 'participant', direction: 'desc' }))[0]).toBe(s.legal);
    expect(ids(await search(s.v, { sort: 'updatedAt', direction: 'desc' }))[0]).toBe(s.legal);
    const second = await search(s.v, { sort: 'followUpOn', offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, rows: [{ id: s.draft }] });
    expect(await search(s.v, { offset: 3 })).toEqual({ rows: [], total: 3 });
  });

  it('is for the roles that read referrals: the psychologist reads it, the teacher is refused', async () => {
    const s = await seeded();
    await s.v.as('psychologist');
    expect((await search(s.v, {})).total).toBe(3);
    await s.v.as('teacher');
    expect(await s.v.t.call('referrals.search', {})).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a page larger than 200 rows and a status named twice', async () => {
    const s = await seeded();
    expect(await s.v.t.call('referrals.search', { limit: 201 })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await s.v.t.call('referrals.search', { status: ['sent', 'sent'] })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });
});
