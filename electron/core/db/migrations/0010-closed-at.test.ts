import { describe, expect, it } from 'vitest';
import { addUser, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** A database at version 9 with participants in several states and their status records, then taken to 10. */
const migrated = (): Db => across(10, seedParticipantsAndStatusRecords);

function seedParticipantsAndStatusRecords(db: Db): void {
  addUser(db, { role: 'coordinator' });
  const participant = db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, discontinued_reason, created_at, updated_at, created_by)
     VALUES (?, ?, 2024, ?, ?, ?, '2024-01-01T10:00:00.000Z', ?, 'u1')`,
  );
  participant.run('closed-audited', 'P-2024-001', 1, 'closed', null, '2025-06-01T08:00:00.000Z');
  participant.run('closed-unaudited', 'P-2024-002', 2, 'closed', null, '2024-09-30T12:00:00.000Z');
  participant.run('active', 'P-2024-003', 3, 'active', null, '2024-05-05T12:00:00.000Z');
  participant.run('discontinued', 'P-2024-004', 4, 'discontinued', 'moved', '2024-05-06T12:00:00.000Z');
  let id = 0;
  const audit = (at: string, entityId: string, detail: string, outcome = 'ok', action = 'participants.setStatus') =>
    db
      .prepare(
        `INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, outcome, detail, prev_hash, hash)
         VALUES (?, ?, 'u1', ?, 'participant', ?, ?, ?, 'p', 'h')`,
      )
      .run(++id, at, action, entityId, outcome, detail);
  audit('2024-03-01T09:00:00.000Z', 'closed-audited', 'to:completed');
  audit('2024-04-02T09:30:00.000Z', 'closed-audited', 'to:closed');
  audit('2024-05-01T09:00:00.000Z', 'closed-audited', 'to:closed', 'denied');
  audit('2025-06-01T08:00:00.000Z', 'closed-audited', 'preferredName', 'ok', 'participants.update');
  audit('2024-04-03T09:00:00.000Z', 'active', 'to:active');
}

const closedAt = (db: Db, id: string) =>
  (db.prepare('SELECT closed_at FROM participants WHERE id = ?').get(id) as { closed_at: string | null }).closed_at;

describe('0010-closed-at', () => {
  it('dates a closed file by its last successful “to closed” status record', () => {
    expect(closedAt(migrated(), 'closed-audited')).toBe('2024-04-02T09:30:00.000Z');
  });

  it('dates a closed file without such a record by its last change, never earlier than the closing', () => {
    expect(closedAt(migrated(), 'closed-unaudited')).toBe('2024-09-30T12:00:00.000Z');
  });

  it('leaves files that are not closed without a closing date, and refuses one for them', () => {
    const db = migrated();
    expect(closedAt(db, 'active')).toBeNull();
    expect(closedAt(db, 'discontinued')).toBeNull();
    expect(() => db.prepare(`UPDATE participants SET closed_at = 'now' WHERE id = 'active'`).run()).toThrow(/CHECK/);
  });

  it('finds closed files by closing date through an index', () => {
    const db = migrated();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM participants WHERE closed_at IS NOT NULL AND closed_at < '2025'`)
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('participants_closed_at');
  });
});
