import { afterEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '@shared/search';
import { openCompartmentAs, openVaultDb, tablesHolding } from '../../../tests/support/raw-db';
import { closeCompartment } from '../vault/compartment';
import type { Db } from '../db/open';
import { toMatchExpression } from '../search/match';
import { searchPsychosocial } from './search';
import { ENTRY, psychosocialVault, type PsychosocialVault } from './testing/vault';

const vaults: PsychosocialVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) {
    closeCompartment(db);
    db.close();
  }
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<PsychosocialVault> {
  const v = await psychosocialVault();
  vaults.push(v);
  return v;
}

/** The database with the psychologist's compartment opened by her passphrase: her private search needs the key. */
async function rawDb(v: PsychosocialVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  expect(await openCompartmentAs(db, v.psychologistId)).toBe(true);
  return db;
}

/** Searches as the search channel would, for the words typed. */
function search(db: Db, typed: string, includePrivate: boolean, limit = 50) {
  const match = toMatchExpression(typed);
  if (match === null) throw new Error('nothing to search for');
  return searchPsychosocial(db, match, { includePrivate, limit });
}

const fieldsFound = (db: Db, typed: string, includePrivate = true) =>
  search(db, typed, includePrivate).map((hit) => `${hit.field}:${hit.id}`);

function checkIndexes(db: Db): void {
  for (const index of ['psychosocial_summary_fts'])
    db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run();
}

describe('searching the psychosocial log', () => {
  it('finds words in summaries with the participant, the day and a marked snippet, folding case and accents', async () => {
    const v = await vault();
    const { entry } = await v.t.ok('psychosocial.create', {
      participantId: v.participantId,
      ...ENTRY,
      summary: 'Työkokeilu alkaa ensi kuussa.',
      privateNotes: null,
    });
    const db = await rawDb(v);
    const pseudonym = (
      db.prepare('SELECT pseudonym FROM participants WHERE id = ?').get(v.participantId) as { pseudonym: string }
    ).pseudonym;
    const hits = search(db, 'tyokokeilu', false);
    expect(hits).toEqual([
      {
        kind: 'psychosocial',
        id: entry.id,
        participantId: v.participantId,
        pseudonym,
        // The domain search names no one; the search handler adds names for those who may see them.
        displayName: null,
        date: ENTRY.date,
        field: 'summary',
        snippet: `${MATCH_START}Työkokeilu${MATCH_END} alkaa ensi kuussa.`,
      },
    ]);
    expect(search(db, 'TYÖKOK', false)).toHaveLength(1);
  });

  it('looks in private notes only when asked to, marking those hits as private', async () => {
    const v = await vault();
    const { entry } = await v.t.ok('psychosocial.create', {
      participantId: v.participantId,
      ...ENTRY,
      summary: 'Uni on parantunut.',
      privateNotes: 'Uni on yhä katkonaista.',
    });
    const db = await rawDb(v);
    expect(fieldsFound(db, 'katkonaista', false)).toEqual([]);
    expect(fieldsFound(db, 'katkonaista')).toEqual([`private:${entry.id}`]);
    expect(fieldsFound(db, 'uni', false)).toEqual([`summary:${entry.id}`]);
    expect(fieldsFound(db, 'uni').sort()).toEqual([`private:${entry.id}`, `summary:${entry.id}`]);
    const privateHit = search(db, 'katkonaista', true)[0];
    expect(privateHit?.snippet).toBe(`Uni on yhä ${MATCH_START}katkonaista${MATCH_END}.`);
  });

  it('answers newest first by the meeting’s day across both fields, at most `limit` hits', async () => {
    const v = await vault();
    const make = async (date: string, summary: string | null, privateNotes: string | null) =>
      (await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY, date, summary, privateNotes })).entry.id;
    const oldest = await make('2025-01-10', 'Rentoutus auttoi.', null);
    const middle = await make('2026-03-01', null, 'Rentoutus ei auttanut.');
    const newest = await make('2026-11-01', 'Rentoutus jatkuu.', null);
    const otherParticipant = await v.addParticipant();
    const other = (
      await v.t.ok('psychosocial.create', {
        participantId: otherParticipant,
        ...ENTRY,
        date: '2026-06-01',
        summary: 'Rentoutus.',
        privateNotes: null,
      })
    ).entry.id;
    const db = await rawDb(v);
    expect(search(db, 'rentoutus', true).map((h) => h.id)).toEqual([newest, other, middle, oldest]);
    expect(search(db, 'rentoutus', false).map((h) => h.id)).toEqual([newest, other, oldest]);
    expect(search(db, 'rentoutus', true, 2).map((h) => h.id)).toEqual([newest, other]);
  });

  it('stays in step with edits: old words are no longer found, new ones are, in both indexes', async () => {
    const v = await vault();
    const { entry } = await v.t.ok('psychosocial.create', {
      participantId: v.participantId,
      ...ENTRY,
      summary: 'Kesäleiri suunnitteilla.',
      privateNotes: 'Pelkää kesäleiriä.',
    });
    await v.t.ok('psychosocial.update', {
      id: entry.id,
      ...ENTRY,
      summary: 'Syysloma tulossa.',
      privateNotes: 'Odottaa syyslomaa.',
    });
    const db = await rawDb(v);
    expect(fieldsFound(db, 'kesäleiri')).toEqual([]);
    expect(fieldsFound(db, 'pelkää')).toEqual([]);
    expect(fieldsFound(db, 'syysloma', false)).toEqual([`summary:${entry.id}`]);
    expect(fieldsFound(db, 'odottaa')).toEqual([`private:${entry.id}`]);
    checkIndexes(db);

    await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, summary: null, privateNotes: null });
    expect(fieldsFound(db, 'syysloma')).toEqual([]);
    expect(fieldsFound(db, 'odottaa')).toEqual([]);
    await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, summary: null, privateNotes: 'Palasi asiaan.' });
    expect(fieldsFound(db, 'palasi')).toEqual([`private:${entry.id}`]);
    checkIndexes(db);
  });

  it('forgets a participant’s entries, private notes and earlier versions when the participant is deleted', async () => {
    const v = await vault();
    const { entry } = await v.t.ok('psychosocial.create', {
      participantId: v.participantId,
      ...ENTRY,
      summary: 'Yhteenveto POISTOMERKKI',
      privateNotes: 'Yksityinen POISTOMERKKI',
    });
    await v.t.ok('psychosocial.update', { id: entry.id, ...ENTRY, summary: 'Toinen POISTOMERKKI' });
    await v.as('coordinator');
    const preview = await v.t.ok('participants.deletionPreview', { id: v.participantId });
    expect(preview.counts).toMatchObject({
      psychosocial_entries: 1,
      psychosocial_versions: 1,
      psychosocial_private: 1,
      psychosocial_private_versions: 1,
    });
    await v.t.ok('participants.delete', { id: v.participantId, confirmPseudonym: preview.pseudonym });
    const db = await rawDb(v);
    expect(fieldsFound(db, 'poistomerkki')).toEqual([]);
    expect(tablesHolding(db, 'POISTOMERKKI')).toEqual({});
    checkIndexes(db);
  });
});
