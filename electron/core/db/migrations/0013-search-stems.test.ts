import { describe, expect, it } from 'vitest';
import { stemsOf } from '@shared/search-stems';
import { toMatchExpression } from '../../search/match';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

const NOTE_TEXT = 'Kävimme läpi työsopimuksen ehdot tulkin kanssa.';
const SUMMARY = 'Jaksaa paremmin, uni parantunut.';
const PRIVATE = 'Aika lääkärille varattiin.';

function note(seq: number, text: string): Record<string, unknown> {
  return {
    seq,
    id: `n${seq}`,
    participant_id: 'p1',
    search_key: 20_000 * 2 ** 32 + seq,
    date: '2026-11-20',
    type: 'phone_call',
    text,
    version: 1,
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
  };
}

function entry(seq: number, summary: string | null): Record<string, unknown> {
  return {
    seq,
    id: `e${seq}`,
    participant_id: 'p1',
    date: '2026-11-20',
    duration_minutes: 45,
    kind: 'individual',
    risk_level: 'low',
    summary,
    version: 1,
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
  };
}

/** A version-12 database with two notes, two psychosocial entries (one without a summary) and private notes, taken to 13. */
const migrated = (): Db =>
  across(13, (db) => {
    addUser(db, { role: 'psychologist' });
    addParticipant(db);
    insertRow(db, 'notes', note(1, NOTE_TEXT));
    insertRow(db, 'notes', note(2, 'Ei mitään erityistä.'));
    insertRow(db, 'psychosocial_entries', entry(1, SUMMARY));
    insertRow(db, 'psychosocial_entries', entry(2, null));
    insertRow(db, 'psychosocial_private', { entry_id: 'e1', notes: PRIVATE });
  });

const found = (db: Db, index: string, query: string) =>
  (
    db.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid`).all(toMatchExpression(query)) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);

const noteKey = (seq: number) => 20_000 * 2 ** 32 + seq;

describe('0013-search-stems', () => {
  it('gives every existing text its stem keys, and none to a missing summary', () => {
    const db = migrated();
    expect(db.prepare('SELECT seq, stems FROM notes ORDER BY seq').all()).toEqual([
      { seq: 1, stems: stemsOf(NOTE_TEXT) },
      { seq: 2, stems: stemsOf('Ei mitään erityistä.') },
    ]);
    expect(db.prepare('SELECT seq, stems FROM psychosocial_entries ORDER BY seq').all()).toEqual([
      { seq: 1, stems: stemsOf(SUMMARY) },
      { seq: 2, stems: null },
    ]);
    expect(db.prepare('SELECT stems FROM psychosocial_private').get()).toEqual({ stems: stemsOf(PRIVATE) });
    expect(stemsOf(NOTE_TEXT)).toContain('tulk');
  });

  it('finds existing rows by inflected words and as typed, in all three indexes', () => {
    const db = migrated();
    expect(found(db, 'notes_fts', 'työsopimus ')).toEqual([noteKey(1)]);
    expect(found(db, 'notes_fts', 'tulkki ')).toEqual([noteKey(1)]);
    expect(found(db, 'notes_fts', 'erityi')).toEqual([noteKey(2)]);
    expect(found(db, 'psychosocial_summary_fts', 'jaksaa ')).toEqual([1]);
    expect(found(db, 'psychosocial_private_fts', 'lääkäri ')).toEqual([1]);
    for (const index of ['notes_fts', 'psychosocial_summary_fts', 'psychosocial_private_fts']) {
      expect(db.prepare(`SELECT v FROM ${index}_config WHERE k = 'secure-delete'`).get(), index).toEqual({ v: 1 });
      expect(() => db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run(), index).not.toThrow();
    }
  });

  it('keeps the indexes in step with later edits and deletes of text and stem keys', () => {
    const db = migrated();
    const text = 'Asunnon vuokrasopimus päättyy.';
    db.prepare('UPDATE notes SET text = ?, stems = ? WHERE seq = 1').run(text, stemsOf(text));
    expect(found(db, 'notes_fts', 'tulkki ')).toEqual([]);
    expect(found(db, 'notes_fts', 'asunto ')).toEqual([noteKey(1)]);
    db.prepare('DELETE FROM notes WHERE seq = 1').run();
    expect(found(db, 'notes_fts', 'asunto ')).toEqual([]);
    db.prepare(`DELETE FROM psychosocial_private WHERE entry_id = 'e1'`).run();
    expect(found(db, 'psychosocial_private_fts', 'lääkäri ')).toEqual([]);
    for (const index of ['notes_fts', 'psychosocial_private_fts'])
      expect(() => db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run(), index).not.toThrow();
  });
});
