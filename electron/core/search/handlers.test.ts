import { afterEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, type SearchHit } from '@shared/search';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { NOTE, notesVault, TODAY, type NotesVault } from '../notes/testing/vault';
import { newestFirst, withNames } from './handlers';

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

/** Writes a note for the vault's participant; returns its id. */
async function write(v: NotesVault, text: string, date = '2026-11-20', participantId = v.participantId): Promise<string> {
  return (await v.t.ok('notes.create', { participantId, ...NOTE, date, text })).note.id;
}

async function search(v: NotesVault, query: string, limit?: number): Promise<SearchHit[]> {
  return (await v.t.ok('search.notes', limit === undefined ? { query } : { query, limit })).hits;
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
const highlighted = (snippet: string) =>
  [...snippet.matchAll(new RegExp(`${MATCH_START}(.*?)${MATCH_END}`, 'gu'))].map((m) => m[1]);

describe('searching notes', () => {
  it('finds "Työ" when "tyo" is typed, in any case, and returns the hit with its participant and a marked snippet', async () => {
    const v = await vault();
    const id = await write(v, 'Aamulla puhuttiin kielikurssista. Työ alkaa maanantaina Espoossa, ja matka kestää tunnin.');
    await write(v, 'Tänään ei puhuttu mistään erityisestä.');
    const pseudonym = (await v.t.ok('participants.get', { id: v.participantId })).participant.pseudonym;
    for (const query of ['tyo', 'TYÖ', 'Työ', 'työ ']) {
      const hits = await search(v, query);
      expect(ids(hits), query).toEqual([id]);
    }
    const [hit] = await search(v, 'tyo ');
    expect(hit).toEqual({
      kind: 'note',
      id,
      participantId: v.participantId,
      pseudonym,
      displayName: 'Amal',
      date: '2026-11-20',
      field: 'text',
      snippet: expect.stringContaining(`${MATCH_START}Työ${MATCH_END} alkaa maanantaina`),
    });
  });

  it('folds Swedish and Finnish letters both ways: "sprak" finds "språk", "Övning" finds "ovning"', async () => {
    const v = await vault();
    const sv = await write(v, 'Hon tränar svenska, ett nytt språk för henne.');
    const plain = await write(v, 'Typed without dots: ovning tomorrow.', '2026-11-19');
    expect(ids(await search(v, 'sprak '))).toEqual([sv]);
    expect(ids(await search(v, 'Övning '))).toEqual([plain]);
  });

  it('matches the last word as a prefix while typing, and only whole words after a space', async () => {
    const v = await vault();
    const id = await write(v, 'Etsimme työpaikkailmoituksia yhdessä.');
    expect(ids(await search(v, 'työpa'))).toEqual([id]);
    expect(ids(await search(v, 'yhdessä työpa'))).toEqual([id]);
    expect(ids(await search(v, 'työpa '))).toEqual([]);
  });

  it('needs every word to be found, and marks each of them in the snippet', async () => {
    const v = await vault();
    const both = await write(v, 'Ansioluettelo valmis. Seuraavaksi haetaan kesätyötä kaupasta.');
    await write(v, 'Ansioluettelo kesken.');
    const [hit, ...rest] = await search(v, 'ansioluettelo kesätyö');
    expect(rest).toEqual([]);
    expect(hit?.id).toBe(both);
    expect(highlighted(hit!.snippet)).toEqual(['Ansioluettelo', 'kesätyötä']);
  });

  it('lists hits newest first by the note’s date, not by when it was written, and stops at the limit', async () => {
    const v = await vault();
    const other = await v.addParticipant();
    const november = await write(v, 'kokous marraskuussa', '2026-11-10');
    const backdated = await write(v, 'kokous syyskuussa, kirjattu myöhemmin', '2026-09-01');
    const today = await write(v, 'kokous tänään', TODAY, other);
    const octoberA = await write(v, 'kokous lokakuussa', '2026-10-05');
    const octoberB = await write(v, 'toinen kokous lokakuussa', '2026-10-05');
    expect(ids(await search(v, 'kokous'))).toEqual([today, november, octoberB, octoberA, backdated]);
    expect(ids(await search(v, 'kokous', 2))).toEqual([today, november]);
  });

  it('follows edits at once: the old words are gone, the new ones found, a new date re-sorts the note', async () => {
    const v = await vault();
    const id = await write(v, 'Alkuperäinen OLDWORD teksti', '2026-11-01');
    const later = await write(v, 'Toinen sana yhteinen', '2026-11-10');
    expect(ids(await search(v, 'oldword'))).toEqual([id]);
    await v.t.ok('notes.update', { id, ...NOTE, date: '2026-11-15', text: 'Korjattu NEWWORD teksti, yhteinen' });
    expect(await search(v, 'oldword')).toEqual([]);
    expect(ids(await search(v, 'newword'))).toEqual([id]);
    expect(ids(await search(v, 'yhteinen'))).toEqual([id, later]);
    expect((await search(v, 'yhteinen'))[0]?.date).toBe('2026-11-15');
  });

  it('treats search syntax as plain text and never fails on odd input', async () => {
    const v = await vault();
    const id = await write(v, 'We discussed work OR school, and the NEAR future (next spring). She said "maybe".');
    const odd = [
      '"',
      '""',
      '*',
      'work*',
      '(',
      ')',
      'NEAR(work school)',
      'work OR',
      'AND',
      'OR OR',
      'NOT work',
      'text:work',
      '^work',
      '-work',
      '{work}',
      "'",
      '😀',
      ':',
      'work" OR "x',
    ];
    for (const query of odd) {
      const result = await v.t.call('search.notes', { query });
      expect(result.ok, query).toBe(true);
    }
    // Operator words are searched as words: all three of these appear in the note, the last as a prefix.
    expect(ids(await search(v, 'work OR schoo'))).toEqual([id]);
    expect(ids(await search(v, 'NEAR(future'))).toEqual([id]);
    expect(ids(await search(v, '"maybe"'))).toEqual([id]);
    // "NOT work" must not mean "everything without work": NOT is a word this note does not hold.
    expect(await search(v, 'NOT work')).toEqual([]);
  });

  it('finds nothing for an empty query or punctuation, without recording a search', async () => {
    const v = await vault();
    await write(v, 'Jotain kirjoitettua.');
    const db = await openVaultDb(v.t);
    dbs.push(db);
    for (const query of ['', '   ', '"*()"', '...']) expect(await search(v, query), query).toEqual([]);
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'search.notes'`).get()).toEqual({ n: 0 });
  });

  it('is audited as a search with the number of hits, never with what was searched', async () => {
    const v = await vault();
    await write(v, 'Haddad kävi tänään.');
    await search(v, 'Haddad');
    await search(v, 'Nobodyhere');
    const db = await openVaultDb(v.t);
    dbs.push(db);
    const rows = db
      .prepare(
        `SELECT user_id AS userId, action, entity, entity_id AS entityId, detail FROM audit_log WHERE action = 'search.notes'`,
      )
      .all();
    expect(rows).toEqual([
      { userId: v.caseworkerId, action: 'search.notes', entity: null, entityId: null, detail: 'hits:1' },
      { userId: v.caseworkerId, action: 'search.notes', entity: null, entityId: null, detail: 'hits:0' },
    ]);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all()).toLowerCase()).not.toMatch(/haddad|nobodyhere/);
  });

  it('is open to readers of notes: a psychologist searches, a teacher is refused', async () => {
    const v = await vault();
    const id = await write(v, 'Yhteinen tapaaminen sovittu.');
    await v.as('psychologist');
    expect(ids(await search(v, 'tapaaminen'))).toEqual([id]);
    await v.as('teacher');
    expect(await v.t.call('search.notes', { query: 'tapaaminen' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('finds a note by another form of a word and marks the inflected words in its snippet', async () => {
    const v = await vault();
    const id = await write(v, 'Tapaamisessa ei ollut tulkkia, joten sovimme uuden ajan tulkin kanssa.');
    await write(v, 'Tulo- ja menoarvio tehtiin yhdessä.');
    const [hit, ...rest] = await search(v, 'tulkki ');
    expect(rest).toEqual([]);
    expect(hit?.id).toBe(id);
    expect(highlighted(hit!.snippet)).toEqual(['tulkkia', 'tulkin']);
  });

  it('names the participant of each hit for readers of whole records, by first and last name, or not at all', async () => {
    const v = await vault();
    const { participant } = await v.t.ok('participants.create', {
      firstName: 'Leila',
      lastName: 'Haddad',
      confirmDuplicate: true,
    });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-11-01',
      method: 'signed',
    });
    await write(v, 'Yhteinen tapaaminen Leilan kanssa.', '2026-11-21', participant.id);
    await write(v, 'Yhteinen tapaaminen Amalin kanssa.');
    const named = async () => (await search(v, 'tapaaminen')).map((h) => [h.pseudonym, h.displayName]);
    const expected = [
      [participant.pseudonym, 'Leila Haddad'],
      [(await v.t.ok('participants.get', { id: v.participantId })).participant.pseudonym, 'Amal'],
    ];
    expect(await named()).toEqual(expected);
    await v.as('psychologist');
    expect(await named()).toEqual(expected);
    // A role that sees only the limited view gets no names, whatever the hits (teachers cannot search at all today).
    const db = await openVaultDb(v.t);
    dbs.push(db);
    const hits = await search(v, 'tapaaminen');
    expect(hits.every((h) => h.displayName !== null)).toBe(true);
    expect(
      withNames(
        db,
        'teacher',
        hits.map((h) => ({ ...h, displayName: null })),
      ).map((h) => h.displayName),
    ).toEqual([null, null]);
  });

  it('refuses a query that is too long, has control characters, or a limit out of range', async () => {
    const v = await vault();
    for (const input of [{ query: 'x'.repeat(201) }, { query: 'a\u0000b' }, { query: 'a', limit: 0 }, { query: 'a', limit: 201 }])
      expect(await v.t.call('search.notes', input)).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('merging hits of notes and psychosocial entries', () => {
  const hit = (kind: SearchHit['kind'], id: string, date: string): SearchHit => ({
    kind,
    id,
    participantId: 'p',
    pseudonym: 'P-2026-001',
    displayName: null,
    date,
    field: kind === 'note' ? 'text' : 'summary',
    snippet: '',
  });

  it('orders both kinds newest first by date, notes before entries of the same day, up to the limit', () => {
    const notes = [hit('note', 'n1', '2026-11-20'), hit('note', 'n2', '2026-10-01')];
    const entries = [
      hit('psychosocial', 'e1', '2026-11-25'),
      hit('psychosocial', 'e2', '2026-10-01'),
      hit('psychosocial', 'e3', '2026-01-01'),
    ];
    expect(newestFirst([notes, entries], 4).map((h) => h.id)).toEqual(['e1', 'n1', 'n2', 'e2']);
  });
});
