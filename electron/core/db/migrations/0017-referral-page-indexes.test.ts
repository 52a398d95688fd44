import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { across } = migrationTest();

/** Two referrals of one participant, as version 16 stores them, then taken to version 17. */
const migrated = (): Db =>
  across(17, (db) => {
    addUser(db);
    addParticipant(db);
    for (const [id, partner, status, updated] of [
      ['r1', 'Työkeskus', 'sent', '2026-11-02T08:00:00.000Z'],
      ['r2', 'Oikeusapu', 'draft', '2026-11-01T08:00:00.000Z'],
    ] as const)
      insertRow(db, 'referrals', {
        id,
        participant_id: 'p1',
        partner_name: partner,
        service_type: 'legalAid',
        urgency: 'routine',
        status,
        reason: 'Syy',
        follow_up_on: '2026-12-20',
        created_at: updated,
        created_by: 'u1',
        updated_at: updated,
        updated_by: 'u1',
      });
  });

/** The plan of a query, as one line. */
const planOf = (db: Db, query: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');

describe('0017-referral-page-indexes', () => {
  it('keeps every referral', () => {
    expect(migrated().prepare('SELECT id, status FROM referrals ORDER BY id').all()).toEqual([
      { id: 'r1', status: 'sent' },
      { id: 'r2', status: 'draft' },
    ]);
  });

  it('reads the Referrals page by last change and by partner in index order, without sorting the whole table', () => {
    const db = migrated();
    for (const [query, index, order] of [
      ['SELECT seq, id FROM referrals r ORDER BY r.updated_at DESC, r.seq DESC', 'referrals_updated', ['r1', 'r2']],
      ['SELECT seq, id FROM referrals r ORDER BY lower(r.partner_name), r.seq', 'referrals_partner_name', ['r2', 'r1']],
    ] as const) {
      const plan = planOf(db, query);
      expect(plan, query).toContain(index);
      expect(plan, query).not.toContain('TEMP B-TREE');
      expect((db.prepare(query).all() as { id: string }[]).map((r) => r.id)).toEqual(order);
    }
  });

  it("narrows a caseworker's referrals by service type, and statuses' referrals to participants, from indexes alone", () => {
    const db = migrated();
    const plan = planOf(
      db,
      `SELECT r.seq FROM referrals r JOIN participants p ON p.id = r.participant_id
       WHERE r.service_type = 'legalAid' AND p.responsible_caseworker_id = 'u1'`,
    );
    expect(plan).toContain('COVERING INDEX referrals_participant_filters');
    const byStatus = planOf(
      db,
      `SELECT r.seq FROM referrals r JOIN participants p ON p.id = r.participant_id WHERE r.status IN ('sent', 'accepted')
       ORDER BY p.last_name_key`,
    );
    expect(byStatus).toContain('COVERING INDEX referrals_status_participant');
  });
});
