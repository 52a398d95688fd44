import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

const PRIVATE = 'Näkee unta työpaikasta.';

function entry(db: Db): void {
  insertRow(db, 'psychosocial_entries', {
    seq: 1,
    id: 'e1',
    participant_id: 'p1',
    date: '2026-11-20',
    duration_minutes: 45,
    kind: 'individual',
    risk_level: 'low',
    summary: null,
    version: 2,
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
  });
}

/** A version-18 database with private notes (current and earlier), taken to 19. */
const migrated = (): Db =>
  across(19, (db) => {
    addUser(db, { role: 'psychologist' });
    addParticipant(db);
    entry(db);
    insertRow(db, 'psychosocial_private', { seq: 7, entry_id: 'e1', notes: PRIVATE, stems: 'tyopaik' });
    insertRow(db, 'psychosocial_private_versions', { entry_id: 'e1', version: 1, notes: 'Aiempi.' });
  });

describe('0019-sealed-private-notes', () => {
  it('keeps existing notes in the clear (to be sealed at the first psychologist’s unlock), without stem keys or an index', () => {
    const db = migrated();
    expect(db.prepare('SELECT seq, entry_id, notes, sealed, sealed_version FROM psychosocial_private').all()).toEqual([
      { seq: 7, entry_id: 'e1', notes: PRIVATE, sealed: null, sealed_version: null },
    ]);
    expect(db.prepare('SELECT entry_id, version, notes FROM psychosocial_private_versions').all()).toEqual([
      { entry_id: 'e1', version: 1, notes: 'Aiempi.' },
    ]);
    const names = (db.prepare(`SELECT name FROM sqlite_schema`).all() as { name: string }[]).map((r) => r.name);
    expect(names.filter((n) => n.startsWith('psychosocial_private_fts'))).toEqual([]);
    const columns = (db.pragma('table_info(psychosocial_private)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('stems');
    expect(db.prepare('SELECT count(*) AS n FROM compartment').get()).toEqual({ n: 0 });
  });

  it('holds a note either as text or sealed with its version, one recovery wrap and one wrap a user', () => {
    const db = migrated();
    const sealed = Buffer.alloc(40, 1);
    db.prepare('UPDATE psychosocial_private SET notes = NULL, sealed = ?, sealed_version = 2').run(sealed);
    expect(() => db.prepare('UPDATE psychosocial_private SET notes = ?').run('x')).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE psychosocial_private SET sealed_version = NULL').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE psychosocial_private_versions SET notes = NULL').run()).toThrow(/CHECK/);
    const wrap = (id: string, userId: string | null) =>
      insertRow(db, 'compartment_wraps', {
        id,
        user_id: userId,
        kdf: '{}',
        salt: Buffer.alloc(16),
        iv: Buffer.alloc(12),
        wrapped: Buffer.alloc(32),
        tag: Buffer.alloc(16),
      });
    wrap('a'.repeat(32), null);
    wrap('b'.repeat(32), 'u1');
    expect(() => wrap('c'.repeat(32), null)).toThrow(/UNIQUE/);
    expect(() => wrap('d'.repeat(32), 'u1')).toThrow(/UNIQUE/);
    expect(() => wrap('e'.repeat(32), 'nobody')).toThrow(/FOREIGN KEY/);
    insertRow(db, 'compartment', { id: 1, key_id: 'f'.repeat(32) });
    expect(() => insertRow(db, 'compartment', { id: 2, key_id: 'f'.repeat(32) })).toThrow(/CHECK/);
  });
});
