import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { consentTimeline } from './timeline';

const vaults: StaffedVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

describe('consents on the participant’s timeline', () => {
  it('show each consent given, each withdrawal and each override, with the purpose code, partner and reason', async () => {
    const v = await staffedVault();
    vaults.push(v);
    const { participant } = await v.t.ok('participants.create', LEILA);
    const pid = participant.id;
    const sharing = await v.t.ok('consents.record', {
      participantId: pid,
      purpose: 'partner_sharing',
      partnerName: 'Adult education centre',
      givenOn: '2026-11-02',
      method: 'signed',
    });
    await v.t.ok('consents.withdraw', { id: sharing.id, withdrawnOn: '2026-11-20' });
    await v.as('coordinator');
    const override = await v.t.ok('consents.override', { participantId: pid, purpose: 'processing', reason: 'Urgent referral' });
    const db = await openVaultDb(v.t);
    dbs.push(db);

    const items = consentTimeline(db, pid, 'caseworker');
    expect(items).toEqual(
      expect.arrayContaining([
        {
          kind: 'consent_given',
          id: sharing.id,
          at: '2026-11-02',
          byName: 'Kalle Ohjaaja',
          label: 'partner_sharing',
          text: 'Adult education centre',
        },
        {
          kind: 'consent_withdrawn',
          id: sharing.id,
          at: '2026-11-20',
          byName: 'Kalle Ohjaaja',
          label: 'partner_sharing',
          text: 'Adult education centre',
        },
        {
          kind: 'consent_override',
          id: override.id,
          at: '2026-11-28T09:00:00.000Z',
          byName: 'Aino Koordinaattori',
          label: 'processing',
          text: 'Urgent referral',
        },
      ]),
    );
    expect(items).toHaveLength(3);
    expect(consentTimeline(db, pid, 'psychologist')).toEqual(items);
    expect(consentTimeline(db, pid, 'teacher')).toEqual([]);
  });
});
