import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

/** A user and a participant, as versions 3 to 4 store them. */
function seed(db: Db): void {
  addUser(db);
  addParticipant(db);
}

function insertNote(db: Db, values: Record<string, unknown>): void {
  const row = {
    seq: 1,
    id: 'n1',
    participant_id: 'p1',
    search_key: 1,
    date: '2026-11-20',
    type: 'phone_call',
    text: 'Työ alkaa',
    version: 1,
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
    ...values,
  };
  insertRow(db, 'notes', row);
}

const matches = (db: Db, match: string) =>
  (db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map(
    (r) => r.rowid,
  );

describe('0005-notes', () => {
  it('adds notes, versions, drafts and the search index beside the existing participants', () => {
    const db = across(5, seed);
    expect(db.prepare('SELECT id FROM participants').all()).toEqual([{ id: 'p1' }]);
    insertNote(db, {});
    db.prepare(
      `INSERT INTO note_versions (note_id, version, date, type, text, saved_at, saved_by)
       VALUES ('n1', 1, '2026-11-19', 'other', 'vanha', 'then', 'u1')`,
    ).run();
    db.prepare(
      `INSERT INTO note_drafts (id, user_id, participant_id, note_id, fields, created_at, updated_at)
       VALUES ('d1', 'u1', 'p1', NULL, '{"text":"kesken"}', 'now', 'now')`,
    ).run();
    expect(db.prepare('SELECT topics, tags, follow_up_done FROM notes').get()).toEqual({
      topics: '[]',
      tags: '[]',
      follow_up_done: 0,
    });
    expect(db.prepare(`SELECT v FROM notes_fts_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
    db.close();
  });

  it('keeps the search index in step with inserts, edits and deletes, folding case and accents', () => {
    const db = at(5);
    seed(db);
    insertNote(db, { text: 'Työ alkaa maanantaina', search_key: 7 });
    insertNote(db, { seq: 2, id: 'n2', text: 'Ei mitään', search_key: 9 });
    expect(matches(db, '"tyo"')).toEqual([7]);
    db.prepare(`UPDATE notes SET text = 'Koulu alkaa', search_key = 8 WHERE id = 'n1'`).run();
    expect(matches(db, '"tyo"')).toEqual([]);
    expect(matches(db, '"koulu"')).toEqual([8]);
    db.prepare(`DELETE FROM notes WHERE id = 'n1'`).run();
    expect(matches(db, '"koulu"')).toEqual([]);
    expect(matches(db, '"mitaan"')).toEqual([9]);
    db.prepare(`INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')`).run();
    db.close();
  });

  it('refuses unknown types, a follow-up task without its due date, a done tick without a task, and a second draft', () => {
    const db = at(5);
    seed(db);
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ type: 'coffee' }, /CHECK/],
      [{ follow_up_task: 'Soita' }, /CHECK/],
      [{ follow_up_done: 1 }, /CHECK/],
      [{ topics: 'not json' }, /CHECK/],
      [{ participant_id: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused) expect(() => insertNote(db, values), JSON.stringify(values)).toThrow(error);
    const draft = db.prepare(
      `INSERT INTO note_drafts (id, user_id, participant_id, note_id, fields, created_at, updated_at)
       VALUES (?, 'u1', 'p1', NULL, '{}', 'now', 'now')`,
    );
    draft.run('d1');
    expect(() => draft.run('d2')).toThrow(/UNIQUE/);
    db.close();
  });
});
