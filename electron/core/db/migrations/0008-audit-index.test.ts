import { describe, expect, it } from 'vitest';
import { insertRow, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** A version-7 audit log about two participants, then taken to version 8. */
const migrated = (): Db =>
  across(8, (db) => {
    for (const [id, entityId] of [
      [1, 'p1'],
      [2, 'p2'],
      [3, 'p1'],
    ] as const)
      insertRow(db, 'audit_log', {
        id,
        at: 'now',
        action: 'participants.open',
        entity: 'participant',
        entity_id: entityId,
        outcome: 'ok',
        prev_hash: 'p',
        hash: `h${id}`,
      });
  });

describe('0008-audit-index', () => {
  it('keeps every audit record', () => {
    expect(migrated().prepare('SELECT id, entity_id FROM audit_log ORDER BY id').all()).toEqual([
      { id: 1, entity_id: 'p1' },
      { id: 2, entity_id: 'p2' },
      { id: 3, entity_id: 'p1' },
    ]);
  });

  it("reads one record's audit rows through the index, in order, instead of scanning the log", () => {
    const db = migrated();
    const query = `SELECT id FROM audit_log WHERE entity = 'participant' AND entity_id = 'p1' ORDER BY id`;
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[];
    const details = plan.map((row) => row.detail).join(' ');
    expect(details).toContain('audit_log_entity');
    expect(details).not.toContain('USE TEMP B-TREE');
    expect(db.prepare(query).all()).toEqual([{ id: 1 }, { id: 3 }]);
  });
});
