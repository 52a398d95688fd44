import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plaintextHits } from '../../../tests/support/plaintext-scan';
import { tablesHolding } from '../../../tests/support/raw-db';
import { deriveChainKey, useChainKey } from '../audit/audit';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db } from '../db/open';
import { insertNote } from '../notes/repo';
import { countParticipantRows, deleteParticipantRows } from './deletion';
import { eraseParticipants, wipeErasedPages } from './erasure';
import { prepareFullTextCleanup } from './fts-rewrite';

/**
 * The kept file's words are `zyxa<n>`, the erased one's `zyxa<n>q`: in the sorted index an erased word often follows
 * a kept word differing only in its last letter, so where it begins a page its whole self is the page's key.
 */
const keptWord = (i: number) => `zyxa${i}`;
const erasedWord = (i: number) => `zyxa${i}q`;
const ERASED_WORDS = Array.from({ length: 1000 }, (_, i) => erasedWord(i));
const USER = 'u'.repeat(32);
const open: { dir: string; db: Db; key: Buffer }[] = [];
afterEach(() => {
  for (const { dir, db, key } of open.splice(0)) {
    if (db.open) db.close();
    key.fill(0);
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A vault database with 1000 notes of a kept participant, each with a word of its own, the given notes of the one to
 * erase, and the notes of a third participant.
 */
function filledDb(erasedNotes: readonly string[], otherNotes: readonly string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'polku-fts-rewrite-'));
  const key = randomBytes(32);
  const db = openEncrypted(join(dir, 'polku.db'), key);
  // The erasure's tombstone is an audit row, chained under the vault's key as the vault would give it.
  useChainKey(db, deriveChainKey(key, 'f'.repeat(32)));
  open.push({ dir, db, key });
  migrate(db, MIGRATIONS);
  db.prepare(`INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, 'A', 'a', 'coordinator', 'now')`).run(
    USER,
  );
  const addParticipant = (id: string, n: number) =>
    db
      .prepare(
        `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
         VALUES (?, ?, 2026, ?, 'active', 'now', 'now', ?)`,
      )
      .run(id, `P-2026-00${n}`, n, USER);
  const gone = 'a'.repeat(32);
  const kept = 'b'.repeat(32);
  const other = 'c'.repeat(32);
  addParticipant(gone, 1);
  addParticipant(kept, 2);
  addParticipant(other, 3);
  const note = (participantId: string, text: string) =>
    insertNote(db, {
      id: randomBytes(16).toString('hex'),
      participantId,
      content: { date: '2026-11-20', type: 'other', topics: [], tags: [], text, followUp: null },
      at: 'now',
      by: USER,
    });
  db.transaction(() => {
    // Where the index's pages begin depends on the size of every term, stem keys included; with this text some begin
    // with an erased word (smallErasureWithKeys checks that it is so).
    for (let i = 0; i < 1000; i++) note(kept, `${keptWord(i)} and more words`);
    for (const text of erasedNotes) note(gone, text);
    for (const text of otherNotes) note(other, text);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { dir, db, key, gone, other };
}

/**
 * A small erasure that leaves page keys: the notes (`<word> more`) of the third participant whose word begins a page
 * of the index are given to the participant to erase. Their owner is not in the index, so its pages stay as they are.
 */
function smallErasureWithKeys() {
  const filled = filledDb([], MANY_NOTES);
  const keyWords = erasedPageKeys(filled.db);
  expect(keyWords.length).toBeGreaterThan(0);
  const move = filled.db.prepare('UPDATE notes SET participant_id = ? WHERE text = ?');
  for (const word of keyWords) move.run(filled.gone, `${word} more`);
  filled.db.pragma('wal_checkpoint(TRUNCATE)');
  return { ...filled, keyWords };
}

/** A note per erased word: a large erasure. */
const MANY_NOTES = ERASED_WORDS.map((word) => `${word} more`);

/** The index's page keys (without FTS5's one-byte index marker) that are erased words. */
function erasedPageKeys(db: Db): string[] {
  const terms = db.prepare('SELECT term FROM notes_fts_idx').pluck().all() as Buffer[];
  return terms.map((term) => Buffer.from(term).toString('utf8').slice(1)).filter((term) => ERASED_WORDS.includes(term));
}

const matches = (db: Db, query: string) =>
  (db.prepare('SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH ?').get(query) as { n: number }).n;

/** Erases the participant's rows with the index cleanup, in one transaction; returns the indexes written anew. */
function eraseWithCleanup(db: Db, participantId: string): string[] {
  return db.transaction(() => {
    const cleanup = prepareFullTextCleanup(db, new Map([[participantId, countParticipantRows(db, participantId)]]));
    deleteParticipantRows(db, participantId);
    return cleanup.finish();
  })();
}

function expectSearchIntact(db: Db, notesLeft = 1000) {
  expect(matches(db, keptWord(518))).toBe(1);
  expect(matches(db, 'zyxa*')).toBe(notesLeft);
  expect(() => db.prepare(`INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  expect(db.prepare(`SELECT v FROM notes_fts_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
}

describe('the full-text index after an erasure', () => {
  it('word-by-word secure-delete leaves erased words as page keys of the index (why more is done)', () => {
    const { db, gone, keyWords } = smallErasureWithKeys();
    db.transaction(() => deleteParticipantRows(db, gone))();
    for (const word of keyWords) expect(matches(db, word)).toBe(0);
    expect(erasedPageKeys(db)).toEqual(keyWords);
  });

  it('after a small erasure, finds the page keys only the erased words explain and writes that index anew', () => {
    const { dir, db, key, gone, keyWords } = smallErasureWithKeys();
    expect(eraseWithCleanup(db, gone)).toEqual(['notes_fts']);
    wipeErasedPages(db);
    expect(erasedPageKeys(db).filter((word) => keyWords.includes(word))).toEqual([]);
    expect(plaintextHits(dir, key, [...keyWords, 'P-2026-001'])).toEqual([]);
    expectSearchIntact(db, 2000 - keyWords.length);
  });

  it('after a small erasure whose words the index still holds elsewhere, leaves the index as it was', () => {
    const { db, gone } = filledDb([`${keptWord(5)} and words`, `${keptWord(700)} words`]);
    const before = db.prepare('SELECT * FROM notes_fts_idx ORDER BY segid, term').all();
    expect(eraseWithCleanup(db, gone)).toEqual([]);
    expect(db.prepare('SELECT * FROM notes_fts_idx ORDER BY segid, term').all()).toEqual(before);
    expect(matches(db, keptWord(5))).toBe(1);
  });

  it('after a large erasure, writes the index anew at once, and nothing erased is left in any table or page', () => {
    const { dir, db, key, gone } = filledDb(MANY_NOTES);
    expect(eraseWithCleanup(db, gone)).toEqual(['notes_fts']);
    wipeErasedPages(db);
    expect(erasedPageKeys(db)).toEqual([]);
    expect(tablesHolding(db, 'q more')).toEqual({});
    expect(plaintextHits(dir, key, [...ERASED_WORDS, 'P-2026-001'])).toEqual([]);
    expectSearchIntact(db);
  });

  it('writes no index anew for an erasure with nothing indexed', () => {
    const { db } = filledDb([]);
    const before = db.prepare('SELECT * FROM notes_fts_idx ORDER BY segid, term').all();
    db.prepare(
      `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
       VALUES (?, 'P-2026-009', 2026, 9, 'active', 'now', 'now', ?)`,
    ).run('d'.repeat(32), USER);
    expect(eraseParticipants(db, ['d'.repeat(32)], { userId: USER, now: new Date() })).toBe(true);
    expect(db.prepare('SELECT * FROM notes_fts_idx ORDER BY segid, term').all()).toEqual(before);
  });
});
