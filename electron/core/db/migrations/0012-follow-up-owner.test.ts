import { describe, expect, it } from 'vitest';
import { findNote, listVersions } from '../../notes/repo';
import { migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** A version-11 database with a note whose follow-up was edited once (by someone else), and a note without one. */
const migrated = (): Db =>
  across(12, (db) =>
    db.exec(`
    INSERT INTO users (id, display_name, name_key, role, created_at)
      VALUES ('u1', 'Kirjoittaja', 'kirjoittaja', 'caseworker', 'now'), ('u2', 'Muokkaaja', 'muokkaaja', 'coordinator', 'now');
    INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
      VALUES ('p1', 'P-2026-001', 2026, 1, 'active', 'now', 'now', 'u1');
    INSERT INTO notes (seq, id, participant_id, search_key, date, type, text, follow_up_task, follow_up_due, follow_up_done,
                       version, created_at, created_by, updated_at, updated_by)
      VALUES (1, 'n1', 'p1', 1, '2026-11-20', 'phone_call', 'Soitto', 'Soita takaisin', '2026-12-01', 1, 2, 'a', 'u1', 'b', 'u2'),
             (2, 'n2', 'p1', 2, '2026-11-21', 'other', 'Ei tehtävää', NULL, NULL, 0, 1, 'a', 'u1', 'a', 'u1');
    INSERT INTO note_versions (note_id, version, date, type, text, follow_up_task, follow_up_due, follow_up_done, saved_at, saved_by)
      VALUES ('n1', 1, '2026-11-20', 'phone_call', 'Soitto', 'Soita takaisin', '2026-12-01', 0, 'a', 'u1');
  `),
  );

describe('0012-follow-up-owner', () => {
  it('gives every existing follow-up, in every version, to the note’s author', () => {
    const db = migrated();
    expect(findNote(db, 'n1')?.followUp).toEqual({
      task: 'Soita takaisin',
      due: '2026-12-01',
      done: true,
      owner: 'u1',
      ownerName: 'Kirjoittaja',
    });
    expect(listVersions(db, 'n1').map((v) => v.followUp?.owner)).toEqual(['u1', 'u1']);
    expect(findNote(db, 'n2')?.followUp).toBeNull();
    expect(db.prepare(`SELECT follow_up_owner FROM notes WHERE id = 'n2'`).get()).toEqual({ follow_up_owner: null });
  });

  it('refuses an owner without a task, and an owner who is not a user', () => {
    const db = migrated();
    expect(() => db.prepare(`UPDATE notes SET follow_up_owner = 'u1' WHERE id = 'n2'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE notes SET follow_up_owner = 'nobody' WHERE id = 'n1'`).run()).toThrow(/FOREIGN KEY/);
  });
});
