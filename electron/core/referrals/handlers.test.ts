import { afterEach, describe, expect, it } from 'vitest';
import type { Referral } from '@shared/referrals';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { PARTNER_NAME, REFERRAL_MARK, referralVault, TODAY, type ReferralVault } from './testing/vault';

const vaults: ReferralVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<ReferralVault> {
  const v = await referralVault();
  vaults.push(v);
  return v;
}

async function rawDb(v: ReferralVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return db;
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function created(v: ReferralVault): Promise<Referral> {
  return (await v.t.ok('referrals.create', v.draft())).referral;
}

/** Records the participant's consent to share with the named partner, as whoever is unlocked. */
async function shareConsent(v: ReferralVault, partnerName = PARTNER_NAME): Promise<string> {
  const { register } = await v.t.ok('consents.record', {
    participantId: v.participantId,
    purpose: 'partner_sharing',
    partnerName,
    givenOn: '2026-11-20',
    method: 'signed',
  });
  const sharing = register.purposes.find((p) => p.purpose === 'partner_sharing')!;
  return sharing.consents.filter((c) => c.withdrawnOn === null).at(-1)!.id;
}

describe('a referral', () => {
  it('is created as a draft naming its partner and contact, with its first step and author', async () => {
    const v = await vault();
    const referral = await created(v);
    expect(referral).toMatchObject({
      participantId: v.participantId,
      partnerId: v.partnerId,
      partnerName: PARTNER_NAME,
      contactId: v.contactId,
      contactName: 'Maija Yhteys',
      serviceType: 'employmentServices',
      urgency: 'soon',
      status: 'draft',
      sharedFields: ['name', 'languages', 'summary'],
      followUpOn: '2026-12-10',
      overdue: false,
      createdBy: v.caseworkerId,
      createdByName: 'Kalle Ohjaaja',
      events: [{ status: 'draft', date: TODAY, by: v.caseworkerId, byName: 'Kalle Ohjaaja', standing: null }],
    });
    expect(await v.t.ok('referrals.get', { id: referral.id })).toEqual({ referral });
    expect(await v.t.ok('referrals.list', { participantId: v.participantId })).toEqual({ referrals: [referral] });
  });

  it('refuses a contact of another partner, an unknown partner and a chosen summary left empty, by field', async () => {
    const v = await vault();
    const { partner: other } = await v.t.ok('partners.save', { name: 'Muu kumppani', type: 'school', notes: null });
    expect(await v.t.call('referrals.create', v.draft({ partnerId: other.id }))).toMatchObject({
      ok: false,
      code: 'invalid_input',
      details: { issues: [{ path: 'contactId', i18nKey: 'referrals.errors.contactNotOfPartner' }] },
    });
    expect(
      await v.t.call('referrals.create', v.draft({ partnerId: '0123456789abcdef0123456789abcdef', contactId: null })),
    ).toMatchObject({ ok: false, details: { issues: [{ path: 'partnerId', i18nKey: 'referrals.errors.partnerUnknown' }] } });
    expect(await v.t.call('referrals.create', v.draft({ summary: '  ' }))).toMatchObject({
      ok: false,
      details: { issues: [{ path: 'summary', i18nKey: 'referrals.errors.summaryRequired' }] },
    });
    expect(await v.t.call('referrals.create', v.draft({ sharedFields: ['name', 'name'] }))).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(await v.t.call('referrals.create', v.draft({ reason: 'x'.repeat(4001) }))).toMatchObject({
      ok: false,
      details: { issues: [{ path: 'reason', i18nKey: 'validation.too_long', values: { max: 4000 } }] },
    });
    const db = await rawDb(v);
    expect(count(db, 'referrals')).toBe(0);
  });

  it('is edited only as a draft, and an edit that changes nothing is not audited', async () => {
    const v = await vault();
    const referral = await created(v);
    const { participantId: _p, ...fields } = v.draft();
    const same = await v.t.ok('referrals.update', { id: referral.id, ...fields });
    expect(same.changed).toBe(false);
    const edited = await v.t.ok('referrals.update', { id: referral.id, ...fields, urgency: 'urgent', contactId: null });
    expect(edited).toMatchObject({ changed: true, referral: { urgency: 'urgent', contactId: null, contactName: null } });
    await shareConsent(v);
    await v.t.ok('referrals.transition', { id: referral.id, to: 'sent', date: TODAY });
    expect(await v.t.call('referrals.update', { id: referral.id, ...fields })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      details: { issues: [{ path: 'status', i18nKey: 'referrals.errors.notDraft' }] },
    });
    const db = await rawDb(v);
    const actions = db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'referrals.%' ORDER BY id`).all();
    expect(actions).toEqual([{ action: 'referrals.create' }, { action: 'referrals.update' }, { action: 'referrals.send' }]);
  });

  it('goes draft → sent → accepted → completed, each step with its day, mover and what it needs', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    const sent = await v.t.ok('referrals.transition', { id, to: 'sent', date: '2026-11-27', followUpOn: '2026-12-04' });
    expect(sent.referral).toMatchObject({ status: 'sent', followUpOn: '2026-12-04' });
    expect(sent.referral.events.at(-1)).toMatchObject({ status: 'sent', date: '2026-11-27', standing: 'consent' });
    await v.t.ok('referrals.transition', { id, to: 'accepted', date: TODAY });
    expect(await v.t.call('referrals.transition', { id, to: 'completed', date: TODAY, outcome: 'other' })).toMatchObject({
      ok: false,
      details: { issues: [{ path: 'outcomeText', i18nKey: 'referrals.errors.outcomeTextRequired' }] },
    });
    const done = await v.t.ok('referrals.transition', {
      id,
      to: 'completed',
      date: TODAY,
      outcome: 'registeredJobSeeker',
    });
    expect(done.referral.status).toBe('completed');
    expect(done.referral.events.map((e) => e.status)).toEqual(['draft', 'sent', 'accepted', 'completed']);
    expect(done.referral.events.at(-1)).toMatchObject({ outcome: 'registeredJobSeeker', outcomeText: null, by: v.caseworkerId });
  });

  it('refuses a move the table does not allow with the sentence of what may come next, writing nothing', async () => {
    const v = await vault();
    const { id } = await created(v);
    expect(await v.t.call('referrals.transition', { id, to: 'accepted', date: TODAY })).toEqual({
      ok: false,
      code: 'invalid_transition',
      i18nKey: 'errors.invalid_transition',
      details: { field: 'to', issues: [{ path: 'to', i18nKey: 'referrals.errors.afterDraft' }] },
    });
    await v.t.ok('referrals.transition', { id, to: 'withdrawn', date: TODAY, reason: 'Ei enää tarpeen' });
    expect(await v.t.call('referrals.transition', { id, to: 'sent', date: TODAY })).toMatchObject({
      details: { issues: [{ path: 'to', i18nKey: 'referrals.errors.afterWithdrawn' }] },
    });
    const db = await rawDb(v);
    expect(count(db, 'referral_events')).toBe(2);
  });

  it('refuses a day in the future or before the previous answered step', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    expect(await v.t.call('referrals.transition', { id, to: 'sent', date: '2026-11-29' })).toMatchObject({
      details: { issues: [{ path: 'date', i18nKey: 'referrals.errors.dateInFuture' }] },
    });
    await v.t.ok('referrals.transition', { id, to: 'sent', date: '2026-11-20' });
    expect(await v.t.call('referrals.transition', { id, to: 'accepted', date: '2026-11-19' })).toMatchObject({
      details: { issues: [{ path: 'date', i18nKey: 'referrals.errors.beforeLastStep' }] },
    });
  });

  it('refuses a follow-up date before the day it is sent', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    expect(await v.t.call('referrals.transition', { id, to: 'sent', date: TODAY, followUpOn: '2026-11-01' })).toMatchObject({
      details: { issues: [{ path: 'followUpOn', i18nKey: 'referrals.errors.followUpOutOfRange' }] },
    });
  });

  it('is flagged overdue once sent and unanswered past its follow-up date', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    await v.t.ok('referrals.transition', { id, to: 'sent', date: TODAY, followUpOn: TODAY });
    expect((await v.t.ok('referrals.get', { id })).referral.overdue).toBe(false);
    v.t.clock.advance(24 * 60 * 60 * 1000);
    await v.as('caseworker');
    expect((await v.t.ok('referrals.get', { id })).referral.overdue).toBe(true);
    await v.t.ok('referrals.transition', { id, to: 'declined', date: '2026-11-29', reason: REFERRAL_MARK.decline });
    expect((await v.t.ok('referrals.get', { id })).referral.overdue).toBe(false);
  });
});

describe('the consent gate of a referral', () => {
  it('blocks sending without a sharing consent for that partner, even with one for another partner', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v, 'Toinen kumppani');
    expect(await v.t.call('referrals.transition', { id, to: 'sent', date: TODAY })).toEqual({
      ok: false,
      code: 'consent_required',
      i18nKey: 'errors.consent_required',
      details: { purpose: 'partner_sharing' },
    });
    expect((await v.t.ok('referrals.get', { id })).referral.status).toBe('draft');
  });

  it('matches the partner by name as the consent register does: case, accents and spaces aside', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v, '  TYOKESKUS   etelä ');
    expect((await v.t.ok('referrals.transition', { id, to: 'sent', date: TODAY })).referral.status).toBe('sent');
  });

  it('is closed again by a withdrawn consent, for the next referral that would share', async () => {
    const v = await vault();
    const first = await created(v);
    const second = await created(v);
    const consentId = await shareConsent(v);
    await v.t.ok('referrals.transition', { id: first.id, to: 'sent', date: TODAY });
    await v.t.ok('consents.withdraw', { id: consentId, withdrawnOn: TODAY });
    expect(await v.t.call('referrals.transition', { id: second.id, to: 'sent', date: TODAY })).toMatchObject({
      ok: false,
      code: 'consent_required',
    });
    // Answers about what was already shared still come in.
    expect((await v.t.ok('referrals.transition', { id: first.id, to: 'accepted', date: TODAY })).referral.status).toBe(
      'accepted',
    );
  });

  it('opens under the coordinator’s override, and the send is audited as such without any content', async () => {
    const v = await vault();
    const { id } = await created(v);
    await v.as('coordinator');
    await v.t.ok('consents.override', {
      participantId: v.participantId,
      purpose: 'partner_sharing',
      reason: 'Palkkasaatava vanhenee',
    });
    const sent = await v.t.ok('referrals.transition', { id, to: 'sent', date: TODAY });
    expect(sent.referral.events.at(-1)).toMatchObject({ standing: 'override', by: v.coordinatorId });
    const db = await rawDb(v);
    const rows = db.prepare(`SELECT action, entity, entity_id, detail FROM audit_log WHERE action LIKE 'referrals.%'`).all();
    expect(rows).toEqual([
      { action: 'referrals.create', entity: 'participant', entity_id: v.participantId, detail: `referral:${id}` },
      { action: 'referrals.sendUnderOverride', entity: 'participant', entity_id: v.participantId, detail: `referral:${id}` },
    ]);
    const log = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    for (const marker of Object.values(REFERRAL_MARK)) expect(log).not.toContain(marker);
  });
});

describe('who may touch referrals', () => {
  it('lets a psychologist read them but not write, and shows a teacher nothing', async () => {
    const v = await vault();
    const referral = await created(v);
    await v.as('psychologist');
    expect(await v.t.ok('referrals.list', { participantId: v.participantId })).toEqual({ referrals: [referral] });
    expect(await v.t.call('referrals.create', v.draft())).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('teacher');
    expect(await v.t.call('referrals.get', { id: referral.id })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await v.t.call('referrals.list', { participantId: v.participantId })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('referrals on the participant’s timeline', () => {
  it('show each move on its day with the partner’s name, never the reason, the message or the summary', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    await v.t.ok('referrals.transition', { id, to: 'sent', date: '2026-11-27' });
    await v.t.ok('referrals.transition', { id, to: 'declined', date: TODAY, reason: REFERRAL_MARK.decline });
    const { items } = await v.t.ok('timeline.participant', { participantId: v.participantId });
    const referrals = items.filter((item) => item.kind === 'referral');
    expect(referrals).toEqual([
      { kind: 'referral', id, at: TODAY, byName: 'Kalle Ohjaaja', label: 'declined', text: PARTNER_NAME },
      { kind: 'referral', id, at: TODAY, byName: 'Kalle Ohjaaja', label: 'draft', text: PARTNER_NAME },
      { kind: 'referral', id, at: '2026-11-27', byName: 'Kalle Ohjaaja', label: 'sent', text: PARTNER_NAME },
    ]);
    const all = JSON.stringify(items);
    for (const marker of Object.values(REFERRAL_MARK)) expect(all).not.toContain(marker);
    await v.as('psychologist');
    const asPsychologist = await v.t.ok('timeline.participant', { participantId: v.participantId });
    expect(asPsychologist.items.filter((item) => item.kind === 'referral')).toHaveLength(3);
  });
});

describe('overdue referrals on the Today page', () => {
  it('lists a sent referral unanswered past its follow-up date for those who move referrals, and not once answered', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    await v.t.ok('referrals.transition', { id, to: 'sent', date: '2026-11-20', followUpOn: '2026-11-27' });
    const page = await v.t.ok('today.get', {});
    expect(page.overdueReferrals).toEqual({
      lines: [
        {
          participantId: v.participantId,
          pseudonym: expect.any(String),
          displayName: expect.any(String),
          referralId: id,
          partnerName: PARTNER_NAME,
          serviceType: 'employmentServices',
          followUpOn: '2026-11-27',
          mine: true,
        },
      ],
      total: 1,
    });
    await v.as('coordinator');
    expect((await v.t.ok('today.get', {})).overdueReferrals?.lines.map((l) => [l.referralId, l.mine])).toEqual([[id, false]]);
    await v.as('psychologist');
    expect((await v.t.ok('today.get', {})).overdueReferrals).toBeNull();
    await v.as('teacher');
    expect((await v.t.ok('today.get', {})).overdueReferrals).toBeNull();
    await v.as('caseworker');
    await v.t.ok('referrals.transition', { id, to: 'accepted', date: TODAY });
    expect((await v.t.ok('today.get', {})).overdueReferrals).toEqual({ lines: [], total: 0 });
  });
});

describe('the referrals a partner received', () => {
  it('lists the sent ones, the latest first, with whose and where each stands; drafts have not reached the partner', async () => {
    const v = await vault();
    const first = await created(v);
    const second = await created(v);
    const draft = await created(v);
    await shareConsent(v);
    await v.t.ok('referrals.transition', { id: first.id, to: 'sent', date: '2026-11-20', followUpOn: '2026-11-27' });
    await v.t.ok('referrals.transition', { id: second.id, to: 'sent', date: '2026-11-25', followUpOn: null });
    await v.t.ok('referrals.transition', { id: second.id, to: 'accepted', date: TODAY });
    const answer = await v.t.ok('referrals.byPartner', { partnerId: v.partnerId });
    expect(answer.counts).toEqual([
      { status: 'sent', count: 1 },
      { status: 'accepted', count: 1 },
    ]);
    expect(answer.total).toBe(2);
    expect(answer.referrals).toEqual([
      {
        id: second.id,
        participantId: v.participantId,
        pseudonym: expect.any(String),
        displayName: 'Amal',
        serviceType: 'employmentServices',
        status: 'accepted',
        sentOn: '2026-11-25',
        followUpOn: null,
        overdue: false,
      },
      expect.objectContaining({ id: first.id, status: 'sent', sentOn: '2026-11-20', followUpOn: '2026-11-27', overdue: true }),
    ]);
    expect(answer.referrals?.map((r) => r.id)).not.toContain(draft.id);
    for (const marker of Object.values(REFERRAL_MARK)) expect(JSON.stringify(answer)).not.toContain(marker);
  });

  it('gives a teacher the counts by status and no participant, a psychologist the list, and refuses an unknown partner', async () => {
    const v = await vault();
    const { id } = await created(v);
    await shareConsent(v);
    await v.t.ok('referrals.transition', { id, to: 'sent', date: TODAY });
    await v.as('teacher');
    expect(await v.t.ok('referrals.byPartner', { partnerId: v.partnerId })).toEqual({
      counts: [{ status: 'sent', count: 1 }],
      total: 1,
      referrals: null,
    });
    await v.as('psychologist');
    expect((await v.t.ok('referrals.byPartner', { partnerId: v.partnerId })).referrals?.map((r) => r.id)).toEqual([id]);
    expect(await v.t.call('referrals.byPartner', { partnerId: '0123456789abcdef0123456789abcdef' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('finds them through the index on the partner', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT r.id FROM referrals r JOIN referral_events s ON s.referral_id = r.id AND s.status = 'sent'
         WHERE r.partner_id = ?`,
      )
      .all(v.partnerId) as { detail: string }[];
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toMatch(/referrals_partner/);
    expect(details).toMatch(/referral_events_referral/);
  });
});
