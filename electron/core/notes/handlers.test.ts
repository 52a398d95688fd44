import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { addColleague } from '../../../tests/support/core';
import { openVaultDb, tablesHolding } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { noteTimeline } from './timeline';
import { NOTE, notesVault, TODAY, type NotesVault } from './testing/vault';

const vaults: NotesVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<NotesVault> {
  const v = await notesVault();
  vaults.push(v);
  return v;
}

async function rawDb(v: NotesVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return db;
}

const NOBODY = '0123456789abcdef0123456789abcdef';
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function noteAudit(db: Db) {
  return db
    .prepare(
      `SELECT user_id AS userId, action, entity, entity_id AS entityId, detail FROM audit_log
              WHERE action LIKE 'notes.%' ORDER BY id`,
    )
    .all() as { userId: string; action: string; entity: string; entityId: string; detail: string }[];
}

describe('a guidance note', () => {
  it('is written by a caseworker with every field as given, as version 1, with the author', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    expect(note).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      participantId: v.participantId,
      date: '2026-11-20',
      type: 'individual_guidance',
      // The programme goals come back in the programme's order, whatever order they were ticked in.
      topics: ['finnish_language', 'job_search'],
      tags: ['CV', 'kesätyö'],
      text: NOTE.text,
      followUp: {
        task: 'Send the CV to the employment office',
        due: '2026-12-05',
        done: false,
        owner: v.caseworkerId,
        ownerName: 'Kalle Ohjaaja',
      },
      version: 1,
      createdAt: '2026-11-28T09:00:00.000Z',
      createdBy: v.caseworkerId,
      createdByName: 'Kalle Ohjaaja',
      updatedAt: '2026-11-28T09:00:00.000Z',
      updatedBy: v.caseworkerId,
      updatedByName: 'Kalle Ohjaaja',
    });
    expect(await v.t.ok('notes.list', { participantId: v.participantId })).toEqual({ notes: [note] });
  });

  it('needs only a date, a type and text; topics, tags and follow-up may be left out', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', {
      participantId: v.participantId,
      date: TODAY,
      type: 'phone_call',
      text: 'Lyhyt puhelu.',
    });
    expect(note).toMatchObject({ date: TODAY, topics: [], tags: [], followUp: null });
  });

  it('keeps free tags once each whatever their case, trimmed, and tidies the text', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', {
      participantId: v.participantId,
      ...NOTE,
      topics: ['job_search', 'job_search', 'working_life_rights'],
      tags: [' Työhaku ', 'TYÖHAKU', 'työhaku', 'CV', 'cv'],
      text: '  Rivi yksi\r\nRivi kaksi\twith a tab\r\n  ',
    });
    expect(note.tags).toEqual(['Työhaku', 'CV']);
    expect(note.topics).toEqual(['working_life_rights', 'job_search']);
    expect(note.text).toBe('Rivi yksi\nRivi kaksi\twith a tab');
  });

  it('lists a participant’s notes newest first by date, then the one written later first', async () => {
    const v = await vault();
    const write = async (date: string, text: string) =>
      (await v.t.ok('notes.create', { participantId: v.participantId, date, type: 'other', text })).note.id;
    const older = await write('2026-10-01', 'vanha');
    const sameDayFirst = await write('2026-11-02', 'aamu');
    const sameDayLater = await write('2026-11-02', 'ilta');
    const backdated = await write('2026-09-15', 'jälkikäteen');
    const other = await v.addParticipant();
    await v.t.ok('notes.create', { participantId: other, date: TODAY, type: 'other', text: 'toisen' });
    const { notes } = await v.t.ok('notes.list', { participantId: v.participantId });
    expect(notes.map((n) => n.id)).toEqual([sameDayLater, sameDayFirst, older, backdated]);
  });

  it('cannot be dated in the future or before the year 2000, and its follow-up must fall in a sensible range', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const cases: [Partial<InputOf<'notes.create'>>, { path: string; i18nKey: string }][] = [
      [{ date: '2026-11-29' }, { path: 'date', i18nKey: 'notes.errors.dateInFuture' }],
      [{ date: '1999-12-31' }, { path: 'date', i18nKey: 'notes.errors.dateTooEarly' }],
      [{ followUp: { task: 'x', due: '2201-01-01' } }, { path: 'followUp.due', i18nKey: 'notes.errors.dueOutOfRange' }],
    ];
    for (const [change, issue] of cases) {
      const result = await v.t.call('notes.create', { participantId: v.participantId, ...NOTE, ...change });
      expect(result).toMatchObject({ ok: false, code: 'invalid_input', details: { issues: [issue] } });
    }
    expect(count(db, 'notes')).toBe(0);
    await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE, date: TODAY });
  });

  it('refuses bad input with invalid_input, per field, and writes nothing', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const base = { participantId: v.participantId, ...NOTE };
    const bad: [unknown, string][] = [
      [{ ...base, text: '   ' }, 'text'],
      [{ ...base, text: 'x'.repeat(20_001) }, 'text'],
      [{ ...base, text: 'bell \u0007 inside' }, 'text'],
      [{ ...base, type: 'coffee' }, 'type'],
      [{ ...base, date: '28.11.2026' }, 'date'],
      [{ ...base, topics: ['world_peace'] }, 'topics.0'],
      [{ ...base, tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) }, 'tags'],
      [{ ...base, tags: ['x'.repeat(41)] }, 'tags.0'],
      [{ ...base, tags: ['line\nbreak'] }, 'tags.0'],
      [{ ...base, followUp: { task: '', due: '2026-12-01' } }, 'followUp.task'],
      [{ ...base, followUp: { task: 'Call' } }, 'followUp.due'],
      [{ ...base, participantId: 'not-an-id' }, 'participantId'],
      [{ ...base, authorId: NOBODY }, ''],
    ];
    for (const [input, path] of bad) {
      const result = await v.t.call('notes.create', input as InputOf<'notes.create'>);
      expect(result, path).toMatchObject({ ok: false, code: 'invalid_input' });
      if (!result.ok)
        expect(
          result.details?.issues?.map((i) => i.path),
          path,
        ).toContain(path);
    }
    expect([count(db, 'notes'), count(db, 'note_versions'), noteAudit(db)]).toEqual([0, 0, []]);
  });

  it('is refused when the participant has not consented to processing, and nothing is written', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const withoutConsent = await v.addParticipant(false);
    expect(await v.t.call('notes.create', { participantId: withoutConsent, ...NOTE })).toMatchObject({
      ok: false,
      code: 'consent_required',
      details: { purpose: 'processing' },
    });
    expect([count(db, 'notes'), noteAudit(db)]).toEqual([0, []]);
  });

  it('can be written under the coordinator’s override, and no longer edited once consent is withdrawn', async () => {
    const v = await vault();
    const withoutConsent = await v.addParticipant(false);
    await v.as('coordinator');
    await v.t.ok('consents.override', { participantId: withoutConsent, purpose: 'processing', reason: 'Urgent safety planning' });
    await v.as('caseworker');
    await v.t.ok('notes.create', { participantId: withoutConsent, ...NOTE });

    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    const register = await v.t.ok('consents.list', { participantId: v.participantId });
    const consentId = register.purposes.find((p) => p.purpose === 'processing')!.consents[0]!.id;
    await v.t.ok('consents.withdraw', { id: consentId, withdrawnOn: TODAY });
    expect(await v.t.call('notes.update', { id: note.id, ...NOTE, text: 'muutos' })).toMatchObject({ code: 'consent_required' });
    expect(await v.t.call('notes.setFollowUpDone', { id: note.id, done: true })).toMatchObject({ code: 'consent_required' });
    // What was written stays readable.
    expect((await v.t.ok('notes.list', { participantId: v.participantId })).notes).toHaveLength(1);
  });

  it('is not found for a participant or note that does not exist', async () => {
    const v = await vault();
    expect(await v.t.call('notes.create', { participantId: NOBODY, ...NOTE })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('notes.list', { participantId: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('notes.update', { id: NOBODY, ...NOTE })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('notes.versions', { id: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('notes.setFollowUpDone', { id: NOBODY, done: true })).toMatchObject({ code: 'not_found' });
  });
});

describe('editing a note', () => {
  it('keeps every earlier version with who saved it and when, all fields included', async () => {
    const v = await vault();
    const first = (await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE })).note;
    await v.as('coordinator');
    const secondCaseworker = await addColleague(v.t, 'Liisa Ohjaaja', 'caseworker');
    v.t.clock.advance(4 * 60_000);
    const edited = await v.t.ok('notes.update', {
      id: first.id,
      date: '2026-11-21',
      type: 'home_visit',
      topics: ['self_confidence'],
      tags: [],
      text: 'Korjattu teksti.',
      followUp: null,
    });
    expect(edited.changed).toBe(true);
    expect(edited.note).toMatchObject({
      version: 2,
      date: '2026-11-21',
      createdBy: v.caseworkerId,
      createdAt: '2026-11-28T09:00:00.000Z',
      updatedBy: secondCaseworker,
      updatedByName: 'Liisa Ohjaaja',
      updatedAt: '2026-11-28T09:04:00.000Z',
    });

    const { versions } = await v.t.ok('notes.versions', { id: first.id });
    expect(versions).toEqual([
      {
        version: 2,
        date: '2026-11-21',
        type: 'home_visit',
        topics: ['self_confidence'],
        tags: [],
        text: 'Korjattu teksti.',
        followUp: null,
        savedAt: '2026-11-28T09:04:00.000Z',
        savedBy: secondCaseworker,
        savedByName: 'Liisa Ohjaaja',
      },
      {
        version: 1,
        date: first.date,
        type: first.type,
        topics: first.topics,
        tags: first.tags,
        text: first.text,
        followUp: first.followUp,
        savedAt: '2026-11-28T09:00:00.000Z',
        savedBy: v.caseworkerId,
        savedByName: 'Kalle Ohjaaja',
      },
    ]);
  });

  it('adds no version and no audit record when nothing changed', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    const again = await v.t.ok('notes.update', { id: note.id, ...NOTE, topics: [...NOTE.topics].reverse() });
    expect(again).toEqual({ note, changed: false });
    expect((await v.t.ok('notes.versions', { id: note.id })).versions).toHaveLength(1);
    expect(noteAudit(db).map((a) => a.action)).toEqual(['notes.create']);
  });

  it('ticks a follow-up task done as a new version, and refuses a tick on a note without a task', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    const ticked = await v.t.ok('notes.setFollowUpDone', { id: note.id, done: true });
    expect(ticked).toMatchObject({ changed: true, note: { version: 2, followUp: { ...NOTE.followUp, done: true } } });
    expect(await v.t.ok('notes.setFollowUpDone', { id: note.id, done: true })).toMatchObject({ changed: false });
    const versions = (await v.t.ok('notes.versions', { id: note.id })).versions;
    expect(versions.map((x) => x.followUp?.done)).toEqual([true, false]);

    const plain = (await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE, followUp: null })).note;
    expect(await v.t.call('notes.setFollowUpDone', { id: plain.id, done: true })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'done', i18nKey: 'notes.errors.noFollowUp' }] },
    });
  });

  it('is audited under the participant with the note id, never the text', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    await v.t.ok('notes.update', { id: note.id, ...NOTE, text: 'Uusi NOTE-MARKER teksti' });
    await v.t.ok('notes.setFollowUpDone', { id: note.id, done: true });
    await v.t.ok('notes.list', { participantId: v.participantId });
    await v.t.ok('notes.versions', { id: note.id });
    const about = { userId: v.caseworkerId, entity: 'participant', entityId: v.participantId, detail: `note:${note.id}` };
    expect(noteAudit(db)).toEqual([
      { ...about, action: 'notes.create' },
      { ...about, action: 'notes.update' },
      { ...about, action: 'notes.setFollowUpDone' },
    ]);
    expect(tablesHolding(db, 'NOTE-MARKER').audit_log).toBeUndefined();
  });
});

describe('who may read and write notes', () => {
  it('lets a psychologist read notes and their versions but not write them; a teacher gets nothing', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    await v.as('psychologist');
    expect((await v.t.ok('notes.list', { participantId: v.participantId })).notes).toHaveLength(1);
    expect((await v.t.ok('notes.versions', { id: note.id })).versions).toHaveLength(1);
    for (const result of [
      await v.t.call('notes.create', { participantId: v.participantId, ...NOTE }),
      await v.t.call('notes.update', { id: note.id, ...NOTE, text: 'psykologin muutos' }),
      await v.t.call('notes.setFollowUpDone', { id: note.id, done: true }),
      await v.t.call('notes.saveDraft', { participantId: v.participantId, fields: { text: 'luonnos' } }),
    ])
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });

    await v.as('teacher');
    for (const result of [
      await v.t.call('notes.list', { participantId: v.participantId }),
      await v.t.call('notes.versions', { id: note.id }),
      await v.t.call('notes.create', { participantId: v.participantId, ...NOTE }),
      await v.t.call('search.notes', { query: 'ansioluettelo' }),
    ])
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(count(db, 'notes')).toBe(1);
  });

  it('lets the coordinator write notes too', async () => {
    const v = await vault();
    await v.as('coordinator');
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    expect(note.createdBy).toBe(v.coordinatorId);
  });
});

describe('notes on the participant’s timeline', () => {
  it('appear newest first with the note type, the author, and the start of the text on one line', async () => {
    const v = await vault();
    const long = `${'Pitkä muistiinpano, jossa on paljon sanoja. '.repeat(10)}LOPPU-MARKER`;
    const a = (await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE, date: '2026-11-01', text: long })).note;
    const b = (await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE, type: 'phone_call' })).note;
    const db = await rawDb(v);
    const items = noteTimeline(db, v.participantId, 'caseworker');
    expect(items).toEqual([
      {
        kind: 'note',
        id: b.id,
        at: '2026-11-20',
        byName: 'Kalle Ohjaaja',
        label: 'phone_call',
        text: 'Kävimme läpi ansioluettelon. Työpaikkailmoitukset ensi viikolla. NOTE-MARKER',
      },
      {
        kind: 'note',
        id: a.id,
        at: '2026-11-01',
        byName: 'Kalle Ohjaaja',
        label: 'individual_guidance',
        text: expect.any(String),
      },
    ]);
    const preview = items[1]!.text!;
    expect(preview.length).toBeLessThanOrEqual(201);
    expect(preview.endsWith('…')).toBe(true);
    expect(preview).not.toContain('LOPPU-MARKER');
    expect(long.startsWith(preview.slice(0, -1))).toBe(true);
    expect(noteTimeline(db, v.participantId, 'teacher')).toEqual([]);
  });
});

describe('deleting a participant', () => {
  it('removes their notes, earlier versions, drafts and every word of them from the search index', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE, text: 'Ensimmäinen DELETEMARKER' });
    await v.t.ok('notes.update', { id: note.id, ...NOTE, text: 'Toinen DELETEMARKER versio' });
    await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'luonnos DELETEMARKER' } });
    const other = await v.addParticipant();
    await v.t.ok('notes.create', { participantId: other, ...NOTE, text: 'Toisen osallistujan KEEPMARKER' });
    const pseudonym = (await v.t.ok('participants.get', { id: v.participantId })).participant.pseudonym;

    await v.as('coordinator');
    await v.t.ok('participants.delete', { id: v.participantId, confirmPseudonym: pseudonym });
    expect((await v.t.ok('search.notes', { query: 'deletemarker' })).hits).toEqual([]);
    expect((await v.t.ok('search.notes', { query: 'keepmarker' })).hits).toHaveLength(1);
    const db = await rawDb(v);
    // Shadow tables of the index included: the folded words must be gone from the index pages themselves.
    // 'deletemark' is the words' stem key as well as their start: the stem keys must be gone too.
    expect(tablesHolding(db, 'deletemark')).toEqual({});
    // The kept note's text and stem keys (two cells of its row), and its stem key whole in the index pages (the
    // longer word follows it there, stored as the letters it adds).
    expect(tablesHolding(db, 'keepmark')).toMatchObject({ notes: 2, notes_fts_data: expect.any(Number) });
    expect(() => db.prepare(`INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  });
});
