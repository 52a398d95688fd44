import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openEncrypted, type Db } from '../open';
import { MIGRATIONS } from './index';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'polku-migrate-psychosocial-'));
  dirs.push(dir);
  return openEncrypted(join(dir, 'test.db'), randomBytes(32));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A user and a participant, as versions 1 to 5 store them. */
function seed(db: Db): void {
  db.prepare(
    `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'A', 'a', 'psychologist', 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
     VALUES ('p1', 'P-2026-001', 2026, 1, 'active', 'now', 'now', 'u1')`,
  ).run();
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
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO psychosocial_entries (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(
    row,
  );
}

const matches = (db: Db, index: string, match: string) =>
  (db.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid`).all(match) as { rowid: number }[]).map(
    (r) => r.rowid,
  );

describe('0006-psychosocial', () => {
  it('adds the log, its private compartment and both search indexes beside the existing participants', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 5);
    seed(db);
    migrate(db, MIGRATIONS, 6);
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
    const db = freshDb();
    migrate(db, MIGRATIONS, 6);
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
    const db = freshDb();
    migrate(db, MIGRATIONS, 6);
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
