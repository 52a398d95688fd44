import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

/** A psychologist and a participant, as versions 3 to 5 store them. */
function seed(db: Db): void {
  addUser(db, { role: 'psychologist' });
  addParticipant(db);
}

function insertEntry(db: Db, values: Record<string, unknown>): void {
  const row = {
    seq: 1,
    id: 'e1',
    participant_id: 'p1',
    date: '2026-11-20',
    duration_minutes: 45,
    kind: 'individual',
    risk_level: 'low',
    summary: 'Jaksaa hyvin',
    next_appointment: null,
    version: 1,
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
    ...values,
  };
  insertRow(db, 'psychosocial_entries', row);
}

const matches = (db: Db, index: string, match: string) =>
  (db.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid`).all(match) as { rowid: number }[]).map(
    (r) => r.rowid,
  );

describe('0006-psychosocial', () => {
  it('adds the log, its private compartment and both search indexes beside the existing participants', () => {
    const db = across(6, seed);
    expect(db.prepare('SELECT id FROM participants').all()).toEqual([{ id: 'p1' }]);
    insertEntry(db, { next_appointment: '2026-12-01T10:30' });
    db.prepare(`INSERT INTO psychosocial_private (entry_id, notes) VALUES ('e1', 'Yksityinen')`).run();
    db.prepare(
      `INSERT INTO psychosocial_versions (entry_id, version, date, duration_minutes, kind, risk_level, saved_at, saved_by)
       VALUES ('e1', 1, '2026-11-19', 30, 'group', 'none', 'then', 'u1')`,
    ).run();
    db.prepare(`INSERT INTO psychosocial_private_versions (entry_id, version, notes) VALUES ('e1', 1, 'Vanha')`).run();
    for (const index of ['psychosocial_summary_fts', 'psychosocial_private_fts'])
      expect(db.prepare(`SELECT v FROM ${index}_config WHERE k = 'secure-delete'`).get(), index).toEqual({ v: 1 });
    db.close();
  });

  it('keeps each index in step with its own table only, folding case and accents', () => {
    const db = at(6);
    seed(db);
    insertEntry(db, { summary: 'Työ sujuu' });
    insertEntry(db, { seq: 2, id: 'e2', summary: null });
    db.prepare(`INSERT INTO psychosocial_private (seq, entry_id, notes) VALUES (5, 'e2', 'Pelkää työpaikkaa')`).run();
    expect(matches(db, 'psychosocial_summary_fts', '"tyo"')).toEqual([1]);
    expect(matches(db, 'psychosocial_private_fts', '"tyopaikkaa"')).toEqual([5]);
    expect(matches(db, 'psychosocial_summary_fts', '"pelkaa"')).toEqual([]);

    db.prepare(`UPDATE psychosocial_entries SET summary = 'Koulu alkaa' WHERE id = 'e1'`).run();
    db.prepare(`UPDATE psychosocial_private SET notes = 'Rauhallisempi' WHERE entry_id = 'e2'`).run();
    expect(matches(db, 'psychosocial_summary_fts', '"tyo"')).toEqual([]);
    expect(matches(db, 'psychosocial_summary_fts', '"koulu"')).toEqual([1]);
    expect(matches(db, 'psychosocial_private_fts', '"pelkaa"')).toEqual([]);
    expect(matches(db, 'psychosocial_private_fts', '"rauhallisempi"')).toEqual([5]);

    db.prepare(`DELETE FROM psychosocial_private WHERE entry_id = 'e2'`).run();
    db.prepare(`DELETE FROM psychosocial_entries WHERE id = 'e1'`).run();
    expect(matches(db, 'psychosocial_private_fts', '"rauhallisempi"')).toEqual([]);
    expect(matches(db, 'psychosocial_summary_fts', '"koulu"')).toEqual([]);
    for (const index of ['psychosocial_summary_fts', 'psychosocial_private_fts'])
      db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run();
    db.close();
  });

  it('refuses unknown kinds and risk levels, impossible durations, empty texts and a second private row', () => {
    const db = at(6);
    seed(db);
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'family' }, /CHECK/],
      [{ risk_level: 'severe' }, /CHECK/],
      [{ duration_minutes: 0 }, /CHECK/],
      [{ summary: '' }, /CHECK/],
      [{ next_appointment: '2026-12' }, /CHECK/],
      [{ participant_id: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused) expect(() => insertEntry(db, values), JSON.stringify(values)).toThrow(error);
    insertEntry(db, {});
    const addPrivate = db.prepare(`INSERT INTO psychosocial_private (entry_id, notes) VALUES ('e1', ?)`);
    expect(() => addPrivate.run('')).toThrow(/CHECK/);
    addPrivate.run('Yksi');
    expect(() => addPrivate.run('Toinen')).toThrow(/UNIQUE/);
    db.close();
  });
});
