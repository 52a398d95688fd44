import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@shared/api';
import { fuzzChannels, shapedRequests, validOr, writtenTexts, fuzzTimeout } from '../../../tests/support/fuzz-channels';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { assessmentVault, sampleAnswers, type AssessmentVault } from './testing/vault';

const vaults: AssessmentVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const NOBODY = '0123456789abcdef0123456789abcdef';
const CHANNELS: Channel[] = ['assessments.instrument', 'assessments.list', 'assessments.save', 'assessments.hideItem'];
const TABLES = ['assessments', 'assessment_answers', 'assessment_hidden_items', 'assessment_instruments', 'audit_log'];

const text = writtenTexts(1000, 4000);
const day = fc.constantFrom('2026-10-05', '2026-11-28', '2026-11-29', '2026-09-30', '2026-02-30', '5.10.2026', '', null);
const item = fc.constantFrom(
  'finnish.speaking',
  'history.wishes',
  'selfConfidence.fairJob',
  'digital.videoCalls',
  'finnish.singing',
  'x',
  '',
  7,
);

/** Payloads near a valid request of each channel: each field as it should be, left out, or a wrong or boundary value. */
function request(participantId: string): fc.Arbitrary<[Channel, unknown]> {
  const version = validOr(1, fc.constantFrom(0, -1, 1.5, 2, '1', null));
  const answer = fc.record({
    itemId: validOr('finnish.speaking', item),
    rater: validOr('caseworker', fc.constantFrom('participant', 'interpreter', '', null)),
    score: validOr(2, fc.constantFrom(-1, 0, 5, 10, 11, 2.5, '2', null, undefined)),
    text: validOr(undefined, fc.oneof(text, fc.constantFrom(null))),
    note: validOr(undefined, fc.oneof(text, fc.constantFrom(null))),
    withInterpreter: validOr(false, fc.constantFrom(true, 'yes', 1, null)),
    language: validOr(undefined, fc.oneof(text, fc.constantFrom(null))),
  });
  const answers = fc.oneof(
    fc.constant(sampleAnswers()),
    fc.array(answer, { maxLength: 4 }),
    fc.constantFrom(
      null,
      'x',
      Array.from({ length: 401 }, () => ({ itemId: 'finnish.speaking', rater: 'caseworker', score: 1 })),
    ),
  );
  const shapes: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    'assessments.instrument': fc.oneof(fc.constant({}), fc.record({ version })),
    'assessments.list': fc.record({ participantId: validOr(participantId, fc.constantFrom(NOBODY, 'x', 42, null)) }),
    'assessments.save': fc.record({
      participantId: validOr(participantId, fc.constantFrom(NOBODY, 'x', null)),
      stage: fc.constantFrom('intake', 'midpoint', 'exit', 'followUp3', 'followUp6', 'halfway', null),
      date: validOr('2026-10-05', day),
      version,
      answers,
      baseUpdatedAt: fc.constantFrom(undefined, null, '2026-11-28T09:00:00.000Z', 'x', 3),
    }),
    'assessments.hideItem': fc.record({
      version,
      itemId: validOr('digital.videoCalls', item),
      hidden: fc.constantFrom(true, false, 'yes', null),
    }),
  };
  return shapedRequests(CHANNELS, shapes, fc.constant({}));
}

describe('the assessment channels under random and boundary payloads', () => {
  it(
    'answer with a known result, write nothing when they refuse, and leave the database intact',
    async () => {
      const v = await assessmentVault();
      vaults.push(v);
      await v.as('coordinator');
      const db = await openVaultDb(v.t);
      dbs.push(db);
      await fuzzChannels({ t: v.t, db, requests: request(v.participantId), tables: TABLES, channels: CHANNELS, seed: 20261205 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Whatever was saved holds to the scales: no score outside its item's, no answer both scored and written.
      expect(db.prepare('SELECT count(*) AS n FROM assessment_answers WHERE score < 0 OR score > 10').get()).toEqual({ n: 0 });
    },
    fuzzTimeout(120_000, 12),
  );
});
