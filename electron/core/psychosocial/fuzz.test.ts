import fc from 'fast-check';
import { afterEach, describe, it } from 'vitest';
import type { Channel } from '@shared/api';
import { fuzzChannels, shapedRequests, validOr, writtenTexts, fuzzTimeout } from '../../../tests/support/fuzz-channels';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { ENTRY, psychosocialVault, TODAY, type PsychosocialVault } from './testing/vault';

const vaults: PsychosocialVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const NOBODY = '0123456789abcdef0123456789abcdef';
const CHANNELS: Channel[] = [
  'psychosocial.list',
  'psychosocial.get',
  'psychosocial.versions',
  'psychosocial.create',
  'psychosocial.update',
];
const TABLES = [
  'psychosocial_entries',
  'psychosocial_versions',
  'psychosocial_private',
  'psychosocial_private_versions',
  'audit_log',
];

const text = writtenTexts(4000, 20_000);

/** Payloads near a valid request of each channel: each field as it should be, left out, or a wrong or boundary value. */
function request(participantId: string, entryId: string): fc.Arbitrary<[Channel, unknown]> {
  const owner = { participantId: validOr(participantId, fc.constantFrom(NOBODY, 'x', 42, null, undefined)) };
  const byId = { id: validOr(entryId, fc.constantFrom(NOBODY, '', '../x', undefined)) };
  const entry = {
    date: validOr(ENTRY.date, fc.constantFrom(TODAY, '2026-11-29', '1999-12-31', '2026-02-30', '20.11.2026', '', undefined)),
    durationMinutes: validOr(60, fc.constantFrom(0, 4, 5, 480, 481, -1, 1.5, NaN, Infinity, '60', null, undefined)),
    kind: validOr('group', fc.constantFrom('family', '', null, 1, undefined)),
    riskLevel: validOr('high', fc.constantFrom('severe', 'None', '', null, undefined)),
    summary: validOr(ENTRY.summary, fc.oneof(text, fc.constantFrom(null, undefined))),
    privateNotes: validOr(ENTRY.privateNotes, fc.oneof(text, fc.constantFrom(null, undefined))),
    nextAppointment: validOr(
      ENTRY.nextAppointment,
      fc.constantFrom(
        null,
        undefined,
        { date: '2026-11-19' },
        { date: '2100-01-01' },
        { date: '2026-12-01', time: '24:00' },
        { date: '2026-12-01', time: '9:30' },
        { date: '2026-12-01', extra: true },
        'tomorrow',
      ),
    ),
  };
  // A key the channel does not know, now and then: refused by the strict schemas.
  const stray = fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, fc.constantFrom({ privateSummary: 'x' }, { view: 'full' }));
  const shapes: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    'psychosocial.list': fc.record(owner),
    'psychosocial.get': fc.record(byId),
    'psychosocial.versions': fc.record(byId),
    'psychosocial.create': fc.record({ ...owner, ...entry }),
    'psychosocial.update': fc.record({ ...byId, ...entry }),
  };
  return shapedRequests(CHANNELS, shapes, stray);
}

describe('the psychosocial channels under random and boundary payloads', () => {
  it(
    'answer with a known result, write nothing when they refuse, and leave the database and indexes intact',
    async () => {
      const v = await psychosocialVault();
      vaults.push(v);
      const { entry } = await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY });
      const db = await openVaultDb(v.t);
      dbs.push(db);
      await fuzzChannels({
        t: v.t,
        db,
        requests: request(v.participantId, entry.id),
        tables: TABLES,
        channels: CHANNELS,
        seed: 20261128,
      });
      for (const index of ['psychosocial_summary_fts'])
        db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run();
    },
    fuzzTimeout(120_000, 12),
  );
});
