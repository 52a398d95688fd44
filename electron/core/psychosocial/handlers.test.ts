import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { addColleague, COLLEAGUE_PASSPHRASE, switchUser } from '../../../tests/support/core';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { ENTRY, psychosocialVault, TODAY, type PsychosocialVault } from './testing/vault';

const vaults: PsychosocialVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<PsychosocialVault> {
  const v = await psychosocialVault();
  vaults.push(v);
  return v;
}

async function rawDb(v: PsychosocialVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return db;
}

const NOBODY = '0123456789abcdef0123456789abcdef';
const TABLES = ['psychosocial_entries', 'psychosocial_versions', 'psychosocial_private', 'psychosocial_private_versions'];
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = (db: Db) => Object.fromEntries([...TABLES, 'audit_log'].map((table) => [table, count(db, table)]));

function psychosocialAudit(db: Db) {
  return db
    .prepare(
      `SELECT user_id AS userId, action, entity, entity_id AS entityId, detail FROM audit_log
              WHERE action LIKE 'psychosocial.%' ORDER BY id`,
    )
    .all() as { userId: string; action: string; entity: string; entityId: string; detail: string }[];
}

/** Creates the standard entry (or one with `changes`) for the vault's participant, as the psychologist. */
async function create(v: PsychosocialVault, changes: Partial<InputOf<'psychosocial.create'>> = {}) {
  const view = await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY, ...changes });
  if (view.view !== 'full') throw new Error('a psychologist gets the full view');
  return view.entry;
}

describe('a psychosocial entry', () => {
  it('is written by a psychologist with every field as given, as version 1, with the author', async () => {
    const v = await vault();
    const entry = await create(v);
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      participantId: v.participantId,
      date: '2026-11-20',
      durationMinutes: 60,
      kind: 'individual',
      riskLevel: 'moderate',
      summary: ENTRY.summary,
      privateNotes: ENTRY.privateNotes,
      nextAppointment: { date: '2026-12-04', time: '10:30' },
      version: 1,
      createdAt: '2026-11-28T09:00:00.000Z',
      createdBy: v.psychologistId,
      createdByName: 'Sara Psykologi',
      updatedAt: '2026-11-28T09:00:00.000Z',
      updatedBy: v.psychologistId,
      updatedByName: 'Sara Psykologi',
    });
    expect(await v.t.ok('psychosocial.list', { participantId: v.participantId })).toEqual({ view: 'full', entries: [entry] });
    expect(await v.t.ok('psychosocial.get', { id: entry.id })).toEqual({ view: 'full', entry });
  });

  it('needs only the date, duration, kind and risk level; the texts and the next appointment may be left out', async () => {
    const v = await vault();
    const entry = await create(v, { summary: undefined, privateNotes: undefined, nextAppointment: undefined, date: TODAY });
    expect(entry).toMatchObject({ date: TODAY, summary: null, privateNotes: null, nextAppointment: null });
    const db = await rawDb(v);
    expect(count(db, 'psychosocial_private')).toBe(0);
  });

  it('takes a next appointment as a day alone, and blank texts as none', async () => {
    const v = await vault();
    const entry = await create(v, { summary: '  \n ', privateNotes: '', nextAppointment: { date: '2026-11-20' } });
    expect(entry).toMatchObject({ summary: null, privateNotes: null, nextAppointment: { date: '2026-11-20', time: null } });
  });

  it('tidies the texts: plain line ends, letters stored one way, no search markers, no surrounding space', async () => {
    const v = await vault();
    const entry = await create(v, {
      summary: ' Tyo\u0308 jatkuu.\r\nHyvä \uE000viikko\uE001 ',
      privateNotes: 'Rivi 1\r\nRivi 2\t(sisennys)',
    });
    expect(entry.summary).toBe('Työ jatkuu.\nHyvä viikko');
    expect(entry.privateNotes).toBe('Rivi 1\nRivi 2\t(sisennys)');
  });

  it('lists a participant’s entries newest first by the meeting’s day, then the one written later', async () => {
    const v = await vault();
    const older = await create(v, { date: '2026-10-01' });
    const first = await create(v, { date: '2026-11-20' });
    const second = await create(v, { date: '2026-11-20' });
    const otherParticipant = await v.addParticipant();
    await v.t.ok('psychosocial.create', { participantId: otherParticipant, ...ENTRY });
    const list = await v.t.ok('psychosocial.list', { participantId: v.participantId });
    expect(list.view === 'full' && list.entries.map((e) => e.id)).toEqual([second.id, first.id, older.id]);
  });

  it('answers not_found for an unknown participant or entry', async () => {
    const v = await vault();
    expect(await v.t.call('psychosocial.list', { participantId: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('psychosocial.get', { id: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('psychosocial.versions', { id: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('psychosocial.create', { participantId: NOBODY, ...ENTRY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('psychosocial.update', { id: NOBODY, ...ENTRY })).toMatchObject({ code: 'not_found' });
  });
});

describe('bad input', () => {
  const refusals: [string, Partial<Record<string, unknown>>, string][] = [
    ['a duration of zero', { durationMinutes: 0 }, 'durationMinutes'],
    ['a duration over eight hours', { durationMinutes: 481 }, 'durationMinutes'],
    ['a duration in parts of a minute', { durationMinutes: 30.5 }, 'durationMinutes'],
    ['a duration given as text', { durationMinutes: '60' }, 'durationMinutes'],
    ['an unknown kind', { kind: 'family' }, 'kind'],
    ['an unknown risk level', { riskLevel: 'severe' }, 'riskLevel'],
    ['a missing risk level', { riskLevel: undefined }, 'riskLevel'],
    ['a date that is not a date', { date: '2026-02-30' }, 'date'],
    ['private notes that are too long', { privateNotes: 'x'.repeat(20_001) }, 'privateNotes'],
    ['a summary that is too long', { summary: 'x'.repeat(4001) }, 'summary'],
    ['control characters in the private notes', { privateNotes: 'a\u0000b' }, 'privateNotes'],
    ['a time without its leading zero', { nextAppointment: { date: '2026-12-01', time: '9:30' } }, 'nextAppointment.time'],
    ['an unexpected field', { privateSummary: 'x' }, ''],
  ];
  for (const [what, change, path] of refusals) {
    it(`refuses ${what} with invalid_input at that field, and writes nothing`, async () => {
      const v = await vault();
      const db = await rawDb(v);
      const before = counts(db);
      const result = await v.t.call('psychosocial.create', { participantId: v.participantId, ...ENTRY, ...change } as never);
      expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
      if (!result.ok) expect(result.details?.issues?.map((i) => i.path)).toContain(path);
      expect(counts(db)).toEqual(before);
    });
  }

  const dateRefusals: [string, Partial<InputOf<'psychosocial.create'>>, string, string][] = [
    ['a meeting in the future', { date: '2026-11-29' }, 'date', 'psychosocial.errors.dateInFuture'],
    ['a meeting before the year 2000', { date: '1999-12-31' }, 'date', 'psychosocial.errors.dateTooEarly'],
    [
      'a next appointment before the meeting',
      { nextAppointment: { date: '2026-11-19' } },
      'nextAppointment.date',
      'psychosocial.errors.appointmentBeforeMeeting',
    ],
    [
      'a next appointment after 2099',
      { nextAppointment: { date: '2100-01-01' } },
      'nextAppointment.date',
      'psychosocial.errors.appointmentTooLate',
    ],
  ];
  for (const [what, change, path, i18nKey] of dateRefusals) {
    it(`refuses ${what}, on create and on edit, and writes nothing`, async () => {
      const v = await vault();
      const entry = await create(v);
      const db = await rawDb(v);
      const before = counts(db);
      for (const result of [
        await v.t.call('psychosocial.create', { participantId: v.participantId, ...ENTRY, ...change }),
        await v.t.call('psychosocial.update', { id: entry.id, ...ENTRY, ...change }),
      ])
        expect(result).toMatchObject({ ok: false, code: 'invalid_input', details: { issues: [{ path, i18nKey }] } });
      expect(counts(db)).toEqual(before);
    });
  }

  it('accepts a meeting today and a next appointment on the same day', async () => {
    const v = await vault();
    const entry = await create(v, { date: TODAY, nextAppointment: { date: TODAY, time: '15:00' } });
    expect(entry).toMatchObject({ date: TODAY, nextAppointment: { date: TODAY, time: '15:00' } });
  });
});

describe('consent', () => {
  it('is needed to write an entry: without it nothing is written and the purpose is named', async () => {
    const v = await vault();
    const participantId = await v.addParticipant(false);
    const db = await rawDb(v);
    const before = counts(db);
    expect(await v.t.call('psychosocial.create', { participantId, ...ENTRY })).toMatchObject({
      ok: false,
      code: 'consent_required',
      details: { purpose: 'processing' },
    });
    expect(counts(db)).toEqual(before);
  });

  it('may be overridden by the coordinator, after which the psychologist can write', async () => {
    const v = await vault();
    const participantId = await v.addParticipant(false);
    await v.as('coordinator');
    await v.t.ok('consents.override', { participantId, purpose: 'processing', reason: 'Consent to be signed next week' });
    await v.as('psychologist');
    const view = await v.t.ok('psychosocial.create', { participantId, ...ENTRY });
    expect(view.entry.participantId).toBe(participantId);
  });

  it('once withdrawn, blocks edits too; the entries stay readable', async () => {
    const v = await vault();
    const participantId = await v.addParticipant(false);
    await v.as('caseworker');
    const { id: consentId } = await v.t.ok('consents.record', {
      participantId,
      purpose: 'processing',
      givenOn: '2026-11-01',
      method: 'oral_with_interpreter',
    });
    await v.as('psychologist');
    const { entry } = await v.t.ok('psychosocial.create', { participantId, ...ENTRY });
    await v.as('caseworker');
    await v.t.ok('consents.withdraw', { id: consentId, withdrawnOn: TODAY });
    await v.as('psychologist');
    expect(await v.t.call('psychosocial.update', { id: entry.id, ...ENTRY, summary: 'Muutettu' })).toMatchObject({
      code: 'consent_required',
    });
    expect((await v.t.ok('psychosocial.get', { id: entry.id })).entry.summary).toBe(ENTRY.summary);
  });
});

describe('editing an entry', () => {
  it('keeps every earlier version, private notes included, with who saved it and when; the current one first', async () => {
    const v = await vault();
    const entry = await create(v);
    v.t.clock.advance(60_000);
    const edited = await v.t.ok('psychosocial.update', {
      id: entry.id,
      ...ENTRY,
      riskLevel: 'high',
      privateNotes: 'Uusi yksityinen muistiinpano.',
    });
    expect(edited).toMatchObject({
      view: 'full',
      changed: true,
      entry: {
        version: 2,
        riskLevel: 'high',
        privateNotes: 'Uusi yksityinen muistiinpano.',
        updatedAt: '2026-11-28T09:01:00.000Z',
      },
    });
    await v.as('coordinator');
    await addColleague(v.t, 'Eeva Psykologi', 'psychologist');
    // Sara gives Eeva the psychologists' key, Eeva typing her own passphrase into Sara's session.
    await v.as('psychologist');
    await v.t.ok('compartment.grant', { name: 'Eeva Psykologi', passphrase: COLLEAGUE_PASSPHRASE });
    await switchUser(v.t, 'Eeva Psykologi');
    v.t.clock.advance(60_000);
    await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, riskLevel: 'low', privateNotes: null });

    const versions = await v.t.ok('psychosocial.versions', { id: entry.id });
    expect(versions.view).toBe('full');
    expect(
      versions.versions.map((x) => [x.version, x.riskLevel, 'privateNotes' in x ? x.privateNotes : 'absent', x.savedByName]),
    ).toEqual([
      [3, 'low', null, 'Eeva Psykologi'],
      [2, 'high', 'Uusi yksityinen muistiinpano.', 'Sara Psykologi'],
      [1, 'moderate', ENTRY.privateNotes, 'Sara Psykologi'],
    ]);
    expect(versions.versions.map((x) => x.savedAt)).toEqual([
      '2026-11-28T09:02:00.000Z',
      '2026-11-28T09:01:00.000Z',
      '2026-11-28T09:00:00.000Z',
    ]);
    const current = await v.t.ok('psychosocial.get', { id: entry.id });
    expect(current.view === 'full' && current.entry).toMatchObject({
      version: 3,
      privateNotes: null,
      updatedByName: 'Eeva Psykologi',
    });
  });

  it('adds no version and no audit record when nothing changed', async () => {
    const v = await vault();
    const entry = await create(v);
    const db = await rawDb(v);
    const before = counts(db);
    const result = await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY });
    expect(result).toMatchObject({ changed: false, entry: { version: 1 } });
    expect(counts(db)).toEqual(before);
  });

  it('counts a change of the private notes alone as an edit', async () => {
    const v = await vault();
    const entry = await create(v);
    const result = await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, privateNotes: 'Toinen teksti.' });
    expect(result).toMatchObject({ changed: true, entry: { version: 2, summary: ENTRY.summary } });
  });
});

describe('the audit log', () => {
  it('records creates and edits under the participant, with the entry id only; reads and unchanged edits not at all', async () => {
    const v = await vault();
    const entry = await create(v);
    await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, summary: 'Toinen yhteenveto.' });
    await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, summary: 'Toinen yhteenveto.' });
    await v.t.ok('psychosocial.list', { participantId: v.participantId });
    await v.t.ok('psychosocial.get', { id: entry.id });
    await v.t.ok('psychosocial.versions', { id: entry.id });
    const db = await rawDb(v);
    const expected = {
      userId: v.psychologistId,
      entity: 'participant',
      entityId: v.participantId,
      detail: `psychosocial:${entry.id}`,
    };
    expect(psychosocialAudit(db)).toEqual([
      { ...expected, action: 'psychosocial.create' },
      { ...expected, action: 'psychosocial.update' },
    ]);
  });
});
