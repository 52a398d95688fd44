import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@shared/api';
import { fuzzChannels, shapedRequests, validOr, writtenTexts, fuzzTimeout } from '../../../tests/support/fuzz-channels';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { notesVault, type NotesVault } from '../notes/testing/vault';
import { samplePlanGoals } from './testing/plan';

const vaults: NotesVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const NOBODY = '0123456789abcdef0123456789abcdef';
const CHANNELS: Channel[] = ['plans.get', 'plans.save', 'plans.versions', 'plans.version'];
const TABLES = ['plans', 'plan_goals', 'plan_steps', 'plan_versions', 'audit_log'];

const text = writtenTexts(500, 2000);
const day = fc.constantFrom('2027-06-01', '1999-12-31', '2100-01-01', '2026-02-30', '1.6.2027', '', null, undefined);

/** Payloads near a valid request of each channel: each field as it should be, left out, or a wrong or boundary value. */
function request(participantId: string): fc.Arbitrary<[Channel, unknown]> {
  const owner = { participantId: validOr(participantId, fc.constantFrom(NOBODY, 'x', 42, null, undefined)) };
  const step = fc.record({
    id: validOr(undefined, fc.constantFrom(NOBODY, 'x', null)),
    what: validOr('Hae kouluun', text),
    owner: validOr('participant', fc.constantFrom('neighbour', '', null)),
    due: validOr(null, day),
    status: validOr('open', fc.constantFrom('done', 'dropped', 'late', null)),
    droppedReason: validOr(null, fc.oneof(text, fc.constantFrom(null))),
    referralId: validOr(null, fc.constantFrom(NOBODY, 'x', 1)),
  });
  const goal = fc.record({
    id: validOr(undefined, fc.constantFrom(NOBODY, 'x', null)),
    kind: validOr('studies', fc.constantFrom('lottery', '', null)),
    target: validOr('Lähihoitaja', text),
    targetDate: validOr(null, day),
    why: validOr(null, fc.oneof(text, fc.constantFrom(null, undefined))),
    steps: validOr([], fc.array(step, { maxLength: 4 })),
  });
  const goals = fc.oneof(
    fc.constant(samplePlanGoals()),
    fc.array(goal, { maxLength: 3 }),
    fc.constantFrom(
      null,
      'x',
      Array.from({ length: 21 }, () => ({ kind: 'other', target: 'x' })),
    ),
  );
  const shapes: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    'plans.get': fc.record(owner),
    'plans.versions': fc.record(owner),
    'plans.version': fc.oneof(
      fc.record({ ...owner, version: validOr(1, fc.constantFrom(0, -1, 1.5, 99, '1', null)) }),
      fc.record({ ...owner, at: validOr('2026-11-28', day) }),
    ),
    'plans.save': fc.record({ ...owner, baseVersion: fc.constantFrom(null, 1, 2, 0, 1.5, '1', undefined), goals }),
  };
  return shapedRequests(CHANNELS, shapes, fc.constant({}));
}

describe('the plan channels under random and boundary payloads', () => {
  it(
    'answer with a known result, write nothing when they refuse, and leave the database intact',
    async () => {
      const v = await notesVault();
      vaults.push(v);
      const db = await openVaultDb(v.t);
      dbs.push(db);
      await fuzzChannels({ t: v.t, db, requests: request(v.participantId), tables: TABLES, channels: CHANNELS, seed: 20261128 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
    fuzzTimeout(120_000, 12),
  );
});
