import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { ERROR_CODES } from '@shared/errors';
import { PASSPHRASE, testCore, type TestCore } from '../../tests/support/core';
import { fuzzTimeout, longFuzzRuns } from '../../tests/support/fuzz-channels';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

const channels = Object.keys(api);
/** Random payloads, plus near-misses built from the real field names with wrong or boundary values. */
const payload = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(
      'displayName',
      'passphrase',
      'locale',
      'recoveryCode',
      'current',
      'next',
      'autoLockMinutes',
      'name',
      'id',
      'role',
      'firstName',
      'lastName',
      'birthYear',
      'phone',
      'languages',
      'status',
      'discontinuedReason',
      'confirmDuplicate',
      'query',
      'limit',
      'participantId',
      'confirmPseudonym',
      'purpose',
      'givenOn',
      'withdrawnOn',
      'method',
      'partnerName',
      'reason',
      'kind',
      'note',
      'includeCleared',
      'date',
      'type',
      'topics',
      'tags',
      'text',
      'followUp',
      'done',
      'fields',
      'noteId',
      'durationMinutes',
      'riskLevel',
      'summary',
      'privateNotes',
      'nextAppointment',
      'baseVersion',
      'goals',
      'version',
      'at',
      'screen',
      'state',
      'checkedOn',
      'outcome',
      'part',
      'jobSearching',
      'employed',
      'from',
      'to',
      'cohortId',
      '__proto__',
      'constructor',
    ),
    fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.string({ unit: 'grapheme', maxLength: 64 }),
      fc.integer(),
      fc.double(),
      fc.constantFrom(
        0,
        -1,
        1,
        120,
        121,
        Number.MAX_SAFE_INTEGER,
        NaN,
        Infinity,
        '',
        'fi',
        'en',
        'xx',
        null,
        true,
        '2026-11-20',
        '2999-01-01',
        '0123456789abcdef0123456789abcdef',
        'processing',
        'participants',
        'reached',
        'followUp',
        [],
        {},
      ),
    ),
  ),
);

describe('every channel under random and boundary payloads', () => {
  it(
    'answers with a known result, never throws, and leaves the database intact (locked and unlocked)',
    async () => {
      const t = testCore();
      cores.push(t);
      await t.ok('vault.setup', { displayName: 'Fuzz', passphrase: PASSPHRASE, locale: 'fi' });
      await t.ok('vault.confirmRecoveryCode', {
        recoveryCode: (await t.ok('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE })).recoveryCode,
      });
      const property = (channelPick: fc.Arbitrary<string>) =>
        fc.asyncProperty(channelPick, payload, fc.boolean(), async (channel, input, lockFirst) => {
          if (lockFirst) t.core.lock('manual');
          else if (!(await t.ok('vault.status', {})).session) await t.ok('vault.unlock', { passphrase: PASSPHRASE });
          // Keep the run about the payloads, not about the growing wait after wrong passphrases.
          t.clock.advance(16 * 60_000);
          const result = await t.core.dispatch(channel, input, { trustedSender: true });
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(ERROR_CODES).toContain(result.code);
        });
      const perChannel = longFuzzRuns();
      // Everyday: 300 cases over all the channels. The long form: its count for each channel in turn.
      if (perChannel === null) await fc.assert(property(fc.constantFrom(...channels)), { numRuns: 300, seed: 20261128 });
      else
        for (const channel of channels) await fc.assert(property(fc.constant(channel)), { numRuns: perChannel, seed: 20261128 });
      if (!(await t.ok('vault.status', {})).session) {
        t.clock.advance(16 * 60_000);
        await t.ok('vault.unlock', { passphrase: PASSPHRASE });
      }
      const check = await t.ok('vault.verify', {});
      expect(check).toMatchObject({ integrity: true, firstBadPage: null, auditFirstBadRow: null });
    },
    fuzzTimeout(120_000, channels.length),
  );
});
