import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
async function staffed(): Promise<StaffedVault> {
  const v = await staffedVault();
  vaults.push(v);
  return v;
}
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

describe('a participant file', () => {
  it('is created by a caseworker with the next pseudonym of the year and every field as given', async () => {
    const { t, caseworkerId } = await staffed();
    const { participant } = await t.ok('participants.create', { ...LEILA, responsibleCaseworkerId: caseworkerId });
    expect(participant).toEqual({
      ...LEILA,
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      pseudonym: 'P-2026-001',
      ageBand: null,
      responsibleCaseworkerId: caseworkerId,
      responsibleCaseworkerName: 'Kalle Ohjaaja',
      status: 'referred',
      discontinuedReason: null,
      createdAt: '2026-11-28T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
      createdBy: caseworkerId,
    });
    expect(await t.ok('participants.get', { id: participant.id })).toEqual({ view: 'full', participant });
    const second = await t.ok('participants.create', { firstName: 'Amal', status: 'active' });
    expect(second.participant).toMatchObject({ pseudonym: 'P-2026-002', status: 'active', lastName: null, languages: [] });
  });

  it('needs only what is known: a pseudonym alone is a valid file, and blank text counts as not given', async () => {
    const { t } = await staffed();
    const { participant } = await t.ok('participants.create', { firstName: '   ', phone: '' });
    expect(participant).toMatchObject({ pseudonym: 'P-2026-001', firstName: null, phone: null, interpreterNeeded: false });
  });

  it('records every open in the audit log, for every role, with the participant id and no content', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    await v.t.ok('participants.get', { id: participant.id });
    await v.t.ok('participants.get', { id: participant.id });
    await v.as('teacher');
    await v.t.ok('participants.get', { id: participant.id });
    expect(await v.t.call('participants.get', { id: '0123456789abcdef0123456789abcdef' })).toMatchObject({
      code: 'not_found',
    });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'participants.open' });
    expect(entries.map((e) => [e.userId, e.entity, e.entityId, e.outcome])).toEqual([
      [v.teacherId, 'participant', participant.id, 'ok'],
      [v.caseworkerId, 'participant', participant.id, 'ok'],
      [v.caseworkerId, 'participant', participant.id, 'ok'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Leila|Marker/);
  });

  it('is edited field by field: left-out fields stay, null clears, and the audit names the changed fields only', async () => {
    const v = await staffed();
    const t = v.t;
    const { participant } = await t.ok('participants.create', LEILA);
    t.clock.advance(60_000);
    const result = await t.ok('participants.update', {
      id: participant.id,
      firstName: 'Leila',
      preferredName: 'Lulu-Marker',
      phone: null,
      languages: ['ar', 'AR', 'en'],
    });
    expect(result.changed).toEqual(['preferredName', 'languages', 'phone']);
    expect(result.participant).toEqual({
      ...participant,
      preferredName: 'Lulu-Marker',
      phone: null,
      languages: ['ar', 'en'],
      updatedAt: '2026-11-28T09:01:00.000Z',
    });
    const unchanged = await t.ok('participants.update', { id: participant.id, lastName: LEILA.lastName });
    expect(unchanged.changed).toEqual([]);
    expect(unchanged.participant.updatedAt).toBe('2026-11-28T09:01:00.000Z');

    await v.as('coordinator');
    const { entries } = await t.ok('audit.list', { entity: 'participant', action: 'participants.update' });
    expect(entries.map((e) => e.detail)).toEqual(['preferredName,languages,phone']);
    expect(JSON.stringify(entries)).not.toMatch(/Lulu|Marker|358/);
  });

  it('can only be made the responsibility of an active caseworker or coordinator', async () => {
    const v = await staffed();
    const path = async (responsibleCaseworkerId: string) => {
      const result = await v.t.call('participants.create', { firstName: 'Amal', responsibleCaseworkerId });
      return result.ok ? 'created' : result.details?.issues?.map((i) => i.path);
    };
    expect(await path(v.teacherId)).toEqual(['responsibleCaseworkerId']);
    expect(await path(v.psychologistId)).toEqual(['responsibleCaseworkerId']);
    expect(await path('0123456789abcdef0123456789abcdef')).toEqual(['responsibleCaseworkerId']);
    expect(await path(v.coordinatorId)).toBe('created');
    const { participant } = await v.t.ok('participants.create', { firstName: 'Noor', responsibleCaseworkerId: v.caseworkerId });

    await v.as('coordinator');
    await v.t.ok('users.deactivate', { id: v.caseworkerId });
    expect(await v.t.call('participants.create', { firstName: 'Sami', responsibleCaseworkerId: v.caseworkerId })).toMatchObject({
      code: 'invalid_input',
    });
    // A file assigned to someone who has since left can still be edited.
    expect((await v.t.ok('participants.update', { id: participant.id, preferredName: 'N' })).changed).toEqual(['preferredName']);
    expect((await v.t.ok('participants.caseworkers', {})).map((c) => c.displayName)).toEqual(['Aino Koordinaattori']);
  });

  it('is read in full by a psychologist, who cannot create, edit or change its status', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    await v.as('psychologist');
    expect(await v.t.ok('participants.get', { id: participant.id })).toEqual({ view: 'full', participant });
    expect((await v.t.ok('participants.list', {})).view).toBe('full');
    for (const [channel, input] of [
      ['participants.create', { firstName: 'Amal' }],
      ['participants.update', { id: participant.id, firstName: 'Changed' }],
      ['participants.setStatus', { id: participant.id, status: 'active' }],
    ] as const) {
      expect(await v.t.call(channel, input as never), channel).toMatchObject({ code: 'forbidden' });
    }
    await v.as('caseworker');
    expect(await v.t.ok('participants.get', { id: participant.id })).toEqual({ view: 'full', participant });
  });
});

describe('what a teacher sees', () => {
  const LIMITED_KEYS = ['cohortName', 'firstName', 'id', 'pseudonym'];

  it('is the pseudonym, first name and cohort only, in the registry and in an opened file', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', { ...LEILA, responsibleCaseworkerId: v.caseworkerId });
    await v.t.ok('participants.create', { firstName: 'Amal', lastName: 'Second-Marker' });
    await v.as('teacher');

    const page = await v.t.ok('participants.list', {});
    expect(page.view).toBe('limited');
    expect(page.total).toBe(2);
    for (const row of page.rows) expect(Object.keys(row).sort()).toEqual(LIMITED_KEYS);
    expect(page.rows[0]).toEqual({ id: participant.id, pseudonym: 'P-2026-001', firstName: 'Leila', cohortName: null });

    const opened = await v.t.ok('participants.get', { id: participant.id });
    expect(Object.keys(opened).sort()).toEqual(['participant', 'view']);
    expect(Object.keys(opened.participant).sort()).toEqual(LIMITED_KEYS);
    expect(JSON.stringify([page, opened])).not.toMatch(/Marker|Haddad|Lili|\+358|example|Kalle|ngo|female|:1991/);
  });

  it('cannot find, filter or sort participants by what the limited view hides', async () => {
    const v = await staffed();
    await v.t.ok('participants.create', LEILA);
    await v.as('teacher');
    expect((await v.t.ok('participants.list', { search: 'leila' })).total).toBe(1);
    expect((await v.t.ok('participants.list', { search: 'P-2026-001' })).total).toBe(1);
    expect((await v.t.ok('participants.list', { search: 'haddad' })).total).toBe(0);
    expect((await v.t.ok('participants.list', { search: 'lili' })).total).toBe(0);
    expect(await v.t.call('participants.list', { status: ['referred'] })).toMatchObject({ code: 'forbidden' });
    expect(await v.t.call('participants.list', { responsibleCaseworkerId: v.caseworkerId })).toMatchObject({
      code: 'forbidden',
    });
    expect(await v.t.call('participants.list', { sort: 'lastName' })).toMatchObject({ code: 'forbidden' });
    expect((await v.t.ok('participants.list', { sort: 'firstName', direction: 'desc' })).total).toBe(1);
    expect(await v.t.call('participants.caseworkers', {})).toMatchObject({ code: 'forbidden' });
  });
});
