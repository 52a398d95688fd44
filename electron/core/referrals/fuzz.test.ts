import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@shared/api';
import { REFERRAL_TRANSITIONS, type ReferralStatus } from '@shared/referrals';
import { fuzzChannels, shapedRequests, validOr, writtenTexts, fuzzTimeout } from '../../../tests/support/fuzz-channels';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { PARTNER_NAME, referralVault, TODAY, type ReferralVault } from './testing/vault';

const vaults: ReferralVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const NOBODY = '0123456789abcdef0123456789abcdef';
const CHANNELS: Channel[] = [
  'referrals.list',
  'referrals.get',
  'referrals.search',
  'referrals.create',
  'referrals.update',
  'referrals.transition',
  'referrals.byPartner',
];
const TABLES = ['referrals', 'referral_events', 'audit_log'];

const text = writtenTexts(4000);

/** Payloads near a valid request of each channel: each field as it should be, left out, or a wrong or boundary value. */
function request(v: ReferralVault, referralIds: string[]): fc.Arbitrary<[Channel, unknown]> {
  const draft = v.draft();
  const owner = { participantId: validOr(v.participantId, fc.constantFrom(NOBODY, 'x', 42, null, undefined)) };
  const byId = {
    id: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...referralIds) }, fc.constantFrom(NOBODY, '', undefined)),
  };
  const fields = {
    partnerId: validOr(v.partnerId, fc.constantFrom(NOBODY, '', null, undefined)),
    contactId: validOr(v.contactId, fc.constantFrom(NOBODY, null, undefined)),
    serviceType: validOr('housing', fc.constantFrom('banking', '', null, undefined)),
    urgency: validOr('urgent', fc.constantFrom('now', null, undefined)),
    reason: validOr(draft.reason, text),
    message: validOr(draft.message, fc.oneof(text, fc.constantFrom(null, undefined))),
    sharedFields: validOr(draft.sharedFields, fc.constantFrom([], ['name', 'name'], ['notes'], ['summary'], null, 'name')),
    summary: validOr(draft.summary, fc.oneof(text, fc.constantFrom(null, undefined))),
    followUpOn: validOr(draft.followUpOn, fc.constantFrom(null, undefined, '2100-01-01', '1999-12-31', '2026-02-30', '')),
  };
  const day = validOr(TODAY, fc.constantFrom('2026-11-29', '1999-12-31', '2026-02-30', '', undefined));
  const needs: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
    sent: { followUpOn: fc.constantFrom(undefined, null, TODAY, '2026-11-01', '2100-01-01') },
    accepted: {},
    declined: { reason: validOr('Ei tilaa', text) },
    completed: {
      outcome: validOr('startedCourse', fc.constantFrom('other', 'luck', undefined)),
      outcomeText: fc.oneof(text, fc.constant(undefined)),
    },
    withdrawn: { reason: validOr('Ei enää tarpeen', text) },
    draft: {},
    lost: {},
  };
  const move = fc
    .constantFrom(...Object.keys(needs))
    .chain((to) => fc.record({ ...byId, to: fc.constant(to), date: day, ...needs[to] }));
  const stray = fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, fc.constantFrom({ status: 'sent' }, { events: [] }));
  const shapes: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    'referrals.list': fc.record(owner),
    'referrals.get': fc.record(byId),
    'referrals.search': fc.record(
      {
        status: validOr(['sent'], fc.constantFrom(['draft', 'sent'], [], ['sent', 'sent'], ['lost'], 'sent')),
        serviceType: validOr('housing', fc.constantFrom('banking', null)),
        partnerId: validOr(v.partnerId, fc.constantFrom(NOBODY, '')),
        caseworkerId: validOr(NOBODY, fc.constant('x')),
        overdue: validOr(true, fc.constant(false)),
        sort: validOr('participant', fc.constantFrom('followUpOn', 'status', 'reason')),
        direction: validOr('desc', fc.constantFrom('asc', 'up')),
        offset: validOr(0, fc.constantFrom(199, -1, 1_000_001, 0.5)),
        limit: validOr(200, fc.constantFrom(1, 201, 0)),
      },
      { requiredKeys: [] },
    ),
    'referrals.create': fc.record({ ...owner, ...fields }),
    'referrals.update': fc.record({ ...byId, ...fields }),
    'referrals.byPartner': fc.record({ partnerId: validOr(v.partnerId, fc.constantFrom(NOBODY, '', 42, null, undefined)) }),
    'referrals.transition': move.map((m) => Object.fromEntries(Object.entries(m).filter(([, value]) => value !== undefined))),
  };
  return shapedRequests(CHANNELS, shapes, stray);
}

describe('the referral channels under random and boundary payloads', () => {
  it(
    'answer with a known result, write nothing when they refuse, and only ever follow the transition table',
    async () => {
      const v = await referralVault();
      vaults.push(v);
      await v.t.ok('consents.record', {
        participantId: v.participantId,
        purpose: 'partner_sharing',
        partnerName: PARTNER_NAME,
        givenOn: '2026-11-20',
        method: 'signed',
      });
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await v.t.ok('referrals.create', v.draft())).referral.id);
      const db = await openVaultDb(v.t);
      dbs.push(db);
      await fuzzChannels({ t: v.t, db, requests: request(v, ids), tables: TABLES, channels: CHANNELS, seed: 20261129 });
      // Every referral's history is a walk through the table from its draft.
      const events = db.prepare('SELECT referral_id AS id, status FROM referral_events ORDER BY seq').all() as {
        id: string;
        status: ReferralStatus;
      }[];
      const byReferral = new Map<string, string[]>();
      for (const e of events) byReferral.set(e.id, [...(byReferral.get(e.id) ?? []), e.status]);
      for (const [id, walk] of byReferral) {
        expect(walk[0], id).toBe('draft');
        for (let i = 1; i < walk.length; i++)
          expect(REFERRAL_TRANSITIONS[walk[i - 1] as ReferralStatus], walk.join('→')).toContain(walk[i]);
        const status = db.prepare('SELECT status FROM referrals WHERE id = ?').get(id) as { status: string };
        expect(status.status).toBe(walk.at(-1));
      }
    },
    fuzzTimeout(120_000, 12),
  );
});
