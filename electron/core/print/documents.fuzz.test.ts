import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@shared/api';
import { ERROR_CODES } from '@shared/errors';
import { fuzzTimeout, longFuzzRuns } from '../../../tests/support/fuzz-channels';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import type { ShellPort } from '../shell/port';
import { letterCase, type LetterCase } from './testing/letter';

const cases: LetterCase[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of cases.splice(0)) v.t.cleanup();
});

/** A shell whose save dialog is always cancelled and whose print dialog completes: nothing is rendered or written. */
const shell: ShellPort = {
  chooseSavePath: () => Promise.resolve(null),
  chooseOpenPath: () => Promise.resolve(null),
  renderPdf: () => Promise.reject(new Error('no PDF in this test')),
  printHtml: () => Promise.resolve(true),
};

const NOBODY = '0123456789abcdef0123456789abcdef';
const LETTER: Channel[] = ['referrals.letterPreview', 'referrals.letterPdf', 'referrals.letterPrint'];
const PLAN: Channel[] = ['plans.printPreview', 'plans.printPdf', 'plans.print'];
const CHANNELS = [...LETTER, ...PLAN];
const TABLES = ['referrals', 'referral_events', 'plans', 'audit_log'];

const counts = (db: Db) =>
  TABLES.map((table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).join(',');

describe('the letter and plan print channels under random and boundary payloads', () => {
  it(
    'answer with a known result, never an internal error, and write nothing but the audit of a completed print',
    async () => {
      const v = await letterCase(shell);
      cases.push(v);
      const db = await openVaultDb(v.t);
      dbs.push(db);
      const locale = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('fi', 'sv', 'en') },
        fc.constantFrom('de', '', null, undefined),
      );
      const id = fc.oneof({ weight: 3, arbitrary: fc.constant(v.referralId) }, fc.constantFrom(NOBODY, 'x', '', 7, undefined));
      const participantId = fc.oneof(
        { weight: 3, arbitrary: fc.constant(v.participantId) },
        fc.constantFrom(NOBODY, 'x', '', null, undefined),
      );
      const stray = fc.oneof(
        { weight: 9, arbitrary: fc.constant({}) },
        fc.constantFrom({ fields: ['reason'] }, { sections: [] }),
      );
      const clean = (o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined));
      const request = fc.oneof(
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CHANNELS), fc.anything()) },
        {
          weight: 4,
          arbitrary: fc
            .tuple(fc.constantFrom(...LETTER), fc.record({ id, locale }), stray)
            .map(([channel, r, extra]) => [channel, { ...clean(r), ...extra }] as [Channel, unknown]),
        },
        {
          weight: 4,
          arbitrary: fc
            .tuple(fc.constantFrom(...PLAN), fc.record({ participantId, locale }), stray)
            .map(([channel, r, extra]) => [channel, { ...clean(r), ...extra }] as [Channel, unknown]),
        },
      );
      const handled = new Set<string>();
      await fc.assert(
        fc.asyncProperty(request, async ([channel, input]) => {
          const before = counts(db);
          const result = await v.t.core.dispatch(channel, input, { trustedSender: true });
          if (result.ok) handled.add(channel);
          else {
            expect(ERROR_CODES).toContain(result.code);
            expect(result.code).not.toBe('internal');
            expect(counts(db)).toBe(before);
          }
        }),
        // The long form (POLKU_FUZZ_RUNS): its count for every channel.
        { numRuns: (longFuzzRuns() ?? 0) * CHANNELS.length || 200, seed: 20261205 },
      );
      expect([...handled].sort()).toEqual([...CHANNELS].sort());
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    fuzzTimeout(120_000, CHANNELS.length),
  );
});
