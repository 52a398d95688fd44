import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { addColleague } from '../../../tests/support/core';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { NOTE, notesVault, type NotesVault } from './testing/vault';

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

describe('a note draft', () => {
  it('is saved as the form stands, even incomplete, and each autosave replaces the one before', async () => {
    const v = await vault();
    const first = await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'Kävimme läp' } });
    expect(first.draft).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      participantId: v.participantId,
      noteId: null,
      fields: { text: 'Kävimme läp' },
      updatedAt: '2026-11-28T09:00:00.000Z',
    });
    v.t.clock.advance(1500);
    const fields = {
      date: '2026-11-2',
      type: 'home_visit',
      topics: ['job_search'],
      tagsText: 'CV, kesä',
      text: 'Kävimme läpi ansioluettelon.\n  ',
      hasFollowUp: true,
      followUpTask: '',
      followUpDue: '',
      followUpDone: false,
    } satisfies InputOf<'notes.saveDraft'>['fields'];
    const second = await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields });
    expect(second.draft).toEqual({ ...first.draft, fields, updatedAt: '2026-11-28T09:00:01.500Z' });
    expect(await v.t.ok('notes.drafts', { participantId: v.participantId })).toEqual({ drafts: [second.draft] });
  });

  it('is kept apart for a new note and for each note being edited, and per participant', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    const other = await v.addParticipant();
    await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'uusi' } });
    v.t.clock.advance(1000);
    await v.t.ok('notes.saveDraft', { participantId: v.participantId, noteId: note.id, fields: { text: 'muokkaus' } });
    await v.t.ok('notes.saveDraft', { participantId: other, fields: { text: 'toinen' } });
    const { drafts } = await v.t.ok('notes.drafts', { participantId: v.participantId });
    expect(drafts.map((d) => [d.noteId, d.fields.text])).toEqual([
      [note.id, 'muokkaus'],
      [null, 'uusi'],
    ]);
  });

  it('belongs to its writer alone: colleagues neither see it nor can discard it, and keep their own', async () => {
    const v = await vault();
    const mine = (await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'minun' } })).draft;
    await v.as('coordinator');
    expect(await v.t.ok('notes.drafts', { participantId: v.participantId })).toEqual({ drafts: [] });
    expect(await v.t.call('notes.discardDraft', { id: mine.id })).toMatchObject({ ok: false, code: 'not_found' });
    await addColleague(v.t, 'Liisa Ohjaaja', 'caseworker');
    const theirs = (await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'hänen' } })).draft;
    expect(theirs.id).not.toBe(mine.id);
    expect(await v.t.ok('notes.drafts', { participantId: v.participantId })).toEqual({ drafts: [theirs] });
    await v.as('caseworker');
    expect(await v.t.ok('notes.drafts', { participantId: v.participantId })).toEqual({ drafts: [mine] });
    await v.as('psychologist');
    expect(await v.t.call('notes.drafts', { participantId: v.participantId })).toMatchObject({ code: 'forbidden' });
  });

  it('is deleted when its note is saved, and only that draft', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE });
    await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'uusi' } });
    await v.t.ok('notes.saveDraft', { participantId: v.participantId, noteId: note.id, fields: { text: 'muokkaus' } });

    await v.t.ok('notes.update', { id: note.id, ...NOTE, text: 'muokattu' });
    expect((await v.t.ok('notes.drafts', { participantId: v.participantId })).drafts.map((d) => d.noteId)).toEqual([null]);
    await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE, text: 'uusi muistiinpano' });
    expect((await v.t.ok('notes.drafts', { participantId: v.participantId })).drafts).toEqual([]);
  });

  it('is discarded by its writer', async () => {
    const v = await vault();
    const { draft } = await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: 'pois' } });
    expect(await v.t.ok('notes.discardDraft', { id: draft.id })).toBeNull();
    expect((await v.t.ok('notes.drafts', { participantId: v.participantId })).drafts).toEqual([]);
    expect(await v.t.call('notes.discardDraft', { id: draft.id })).toMatchObject({ code: 'not_found' });
  });

  it('is bounded and free of control characters, and refused drafts write nothing', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const bad: [unknown, string][] = [
      [{ text: 'x'.repeat(20_001) }, 'fields.text'],
      [{ text: 'nul \u0000 inside' }, 'fields.text'],
      [{ date: '2026-11-28 extra' }, 'fields.date'],
      [{ tagsText: 'a\nb' }, 'fields.tagsText'],
      [{ type: 'coffee' }, 'fields.type'],
      [{ topics: ['world_peace'] }, 'fields.topics.0'],
      [{ followUpDone: 'yes' }, 'fields.followUpDone'],
      [{ secret: 'extra field' }, 'fields'],
    ];
    for (const [fields, path] of bad) {
      const result = await v.t.call('notes.saveDraft', { participantId: v.participantId, fields } as InputOf<'notes.saveDraft'>);
      expect(result, path).toMatchObject({ ok: false, code: 'invalid_input' });
      if (!result.ok)
        expect(
          result.details?.issues?.map((i) => i.path),
          path,
        ).toContain(path);
    }
    expect(count(db, 'note_drafts')).toBe(0);
  });

  it('needs the participant’s consent, and a note being edited of that same participant', async () => {
    const v = await vault();
    const withoutConsent = await v.addParticipant(false);
    expect(await v.t.call('notes.saveDraft', { participantId: withoutConsent, fields: { text: 'x' } })).toMatchObject({
      code: 'consent_required',
    });
    const other = await v.addParticipant();
    const { note } = await v.t.ok('notes.create', { participantId: other, ...NOTE });
    expect(
      await v.t.call('notes.saveDraft', { participantId: v.participantId, noteId: note.id, fields: { text: 'x' } }),
    ).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('notes.saveDraft', { participantId: NOBODY, fields: { text: 'x' } })).toMatchObject({
      code: 'not_found',
    });
  });

  it('is not audited, however often it is saved or discarded', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const before = count(db, 'audit_log');
    for (let i = 0; i < 5; i += 1) await v.t.ok('notes.saveDraft', { participantId: v.participantId, fields: { text: `v${i}` } });
    const { drafts } = await v.t.ok('notes.drafts', { participantId: v.participantId });
    await v.t.ok('notes.discardDraft', { id: drafts[0]!.id });
    expect(count(db, 'audit_log')).toBe(before);
  });
});
