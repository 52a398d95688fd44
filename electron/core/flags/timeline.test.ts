import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { flagTimeline } from './timeline';

const vaults: StaffedVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

describe('safety flags on the participant’s timeline', () => {
  it('show each flag set and each flag cleared, with the kind code and the note, to readers of the whole file', async () => {
    const v = await staffedVault();
    vaults.push(v);
    const { participant } = await v.t.ok('participants.create', LEILA);
    const pid = participant.id;
    const kept = await v.t.ok('flags.set', { participantId: pid, kind: 'code_word_set', note: 'Ask for the code word' });
    const gone = await v.t.ok('flags.set', { participantId: pid, kind: 'no_photos' });
    v.t.clock.advance(60_000);
    await v.t.ok('flags.clear', { id: gone.flag.id });
    const db = await openVaultDb(v.t);
    dbs.push(db);

    const items = flagTimeline(db, pid, 'caseworker');
    expect(items).toHaveLength(3);
    expect(items).toEqual(
      expect.arrayContaining([
        {
          kind: 'flag_set',
          id: kept.flag.id,
          at: '2026-11-28T09:00:00.000Z',
          byName: 'Kalle Ohjaaja',
          label: 'code_word_set',
          text: 'Ask for the code word',
        },
        {
          kind: 'flag_set',
          id: gone.flag.id,
          at: '2026-11-28T09:00:00.000Z',
          byName: 'Kalle Ohjaaja',
          label: 'no_photos',
          text: null,
        },
        {
          kind: 'flag_cleared',
          id: gone.flag.id,
          at: '2026-11-28T09:01:00.000Z',
          byName: 'Kalle Ohjaaja',
          label: 'no_photos',
          text: null,
        },
      ]),
    );
    expect(flagTimeline(db, pid, 'teacher')).toEqual([]);
  });
});
