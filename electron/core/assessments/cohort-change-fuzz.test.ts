import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@shared/api';
import { fuzzChannels, shapedRequests, fuzzTimeout } from '../../../tests/support/fuzz-channels';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { assessmentVault, type AssessmentVault } from './testing/vault';

const vaults: AssessmentVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const CHANNELS: Channel[] = ['assessments.cohortChange'];
const TABLES = ['assessments', 'assessment_answers', 'enrolments', 'cohorts', 'audit_log'];

describe('the cohort change channel under random and boundary payloads', () => {
  it(
    'answers with a known result, writes nothing, and keeps every count whole',
    async () => {
      const v = await assessmentVault();
      vaults.push(v);
      await v.as('coordinator');
      const { cohort } = await v.t.ok('cohorts.create', { name: 'Sumeat', startDate: '2026-10-05' });
      await v.t.ok('cohorts.enrol', { participantId: v.participantId, cohortId: cohort.id, startDate: '2026-10-05' });
      await v.t.ok('assessments.save', v.request());
      const db = await openVaultDb(v.t);
      dbs.push(db);
      const cohortId = fc.oneof(
        { weight: 3, arbitrary: fc.constant(cohort.id) },
        fc.constantFrom('0123456789abcdef0123456789abcdef', cohort.id.toUpperCase(), `${cohort.id}0`, '', 'x', 42, null),
      );
      const requests = shapedRequests(
        CHANNELS,
        { 'assessments.cohortChange': fc.record({ cohortId }) },
        fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, fc.constant({ participantId: v.participantId })),
      );
      await fuzzChannels({ t: v.t, db, requests, tables: TABLES, channels: CHANNELS, seed: 20261206, numRuns: 150 });
      const { domains } = await v.t.ok('assessments.cohortChange', { cohortId: cohort.id });
      for (const d of domains) expect(d.up + d.same + d.down + d.missing).toBe(d.n);
      expect(domains.every((d) => d.n === 1)).toBe(true);
    },
    fuzzTimeout(120_000, 12),
  );
});
