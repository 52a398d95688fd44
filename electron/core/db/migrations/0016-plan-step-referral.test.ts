import { describe, expect, it } from 'vitest';
import { participantSteps } from '../../participants/row-graph';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

/** A participant with a referral and a plan of one goal, as version 15 stores them. */
function seed(db: Db): void {
  addUser(db);
  addParticipant(db);
  db.exec(`
    INSERT INTO partners (id, name, name_key, type, created_by, created_at, updated_at)
      VALUES ('pa1', 'Työkeskus', 'tyokeskus', 'employmentServices', 'u1', 'now', 'now');
  `);
  insertRow(db, 'referrals', {
    id: 'r1',
    participant_id: 'p1',
    partner_id: 'pa1',
    partner_name: 'Työkeskus',
    service_type: 'employmentServices',
    urgency: 'routine',
    status: 'draft',
    reason: 'Sisäinen syy',
    shared_fields: '[]',
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
  });
  insertRow(db, 'plans', {
    id: 'pl1',
    participant_id: 'p1',
    version: 1,
    created_at: 'a',
    created_by: 'u1',
    updated_at: 'a',
    updated_by: 'u1',
  });
  insertRow(db, 'plan_goals', { id: 'g1', plan_id: 'pl1', position: 0, kind: 'job', target: 'Varastotyö' });
}

const step = (values: Record<string, unknown>) => ({
  goal_id: 'g1',
  what: 'Ilmoittaudu työnhakijaksi',
  owner: 'participant',
  due: '2027-01-15',
  status: 'open',
  ...values,
});

describe('0016-plan-step-referral', () => {
  it('keeps every step and its link to a stored referral, and drops a link to a referral that is not stored', () => {
    const db = across(16, (db) => {
      seed(db);
      insertRow(db, 'plan_steps', step({ id: 's1', position: 0, referral_id: 'r1' }));
      insertRow(
        db,
        'plan_steps',
        step({ id: 's2', position: 1, referral_id: 'gone', status: 'dropped', dropped_reason: 'Ei tarvita' }),
      );
      insertRow(db, 'plan_steps', step({ id: 's3', position: 2, due: null }));
    });
    expect(db.prepare('SELECT id, position, status, dropped_reason, referral_id FROM plan_steps ORDER BY id').all()).toEqual([
      { id: 's1', position: 0, status: 'open', dropped_reason: null, referral_id: 'r1' },
      { id: 's2', position: 1, status: 'dropped', dropped_reason: 'Ei tarvita', referral_id: null },
      { id: 's3', position: 2, status: 'open', dropped_reason: null, referral_id: null },
    ]);
  });

  it('refuses a step that names a referral not stored, and unlinks a step whose referral is deleted', () => {
    const db = at(16);
    seed(db);
    expect(() => insertRow(db, 'plan_steps', step({ id: 's1', position: 0, referral_id: 'nothing' }))).toThrow(/FOREIGN KEY/);
    insertRow(db, 'plan_steps', step({ id: 's1', position: 0, referral_id: 'r1' }));
    db.exec(`DELETE FROM referrals WHERE id = 'r1'`);
    expect(db.prepare('SELECT referral_id FROM plan_steps').get()).toEqual({ referral_id: null });
  });

  it('keeps the checks, the foreign key to the goal and the indexes', () => {
    const db = at(16);
    seed(db);
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ owner: 'neighbour' }, /CHECK/],
      [{ status: 'dropped' }, /CHECK/],
      [{ what: '' }, /CHECK/],
      [{ due: '2027' }, /CHECK/],
      [{ goal_id: 'none' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused)
      expect(() => insertRow(db, 'plan_steps', step({ id: 'x', position: 0, ...values })), JSON.stringify(values)).toThrow(error);
    insertRow(db, 'plan_steps', step({ id: 's1', position: 0 }));
    expect(() => insertRow(db, 'plan_steps', step({ id: 's2', position: 0 }))).toThrow(/UNIQUE/);
    const indexes = (db.pragma('index_list(plan_steps)') as { name: string }[]).map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['plan_steps_open_due', 'plan_steps_referral']));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('puts the steps that point to a referral in the participant’s row graph before the referral', () => {
    const db = at(16);
    seed(db);
    insertRow(db, 'plan_steps', step({ id: 's1', position: 0, referral_id: 'r1' }));
    const steps = participantSteps(db, 'p1');
    const viaReferral = steps.findIndex((s) => s.table === 'plan_steps' && s.where.includes('referral_id'));
    expect(viaReferral).toBeGreaterThanOrEqual(0);
    expect(viaReferral).toBeLessThan(steps.findIndex((s) => s.table === 'referrals'));
  });
});
