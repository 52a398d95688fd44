import { describe, expect, it } from 'vitest';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

function seed(db: Db): void {
  addUser(db);
  addParticipant(db);
}

const planRow = {
  id: 'pl1',
  participant_id: 'p1',
  version: 1,
  created_at: 'a',
  created_by: 'u1',
  updated_at: 'a',
  updated_by: 'u1',
};
const goalRow = {
  id: 'g1',
  plan_id: 'pl1',
  position: 0,
  kind: 'studies',
  target: 'Lähihoitaja',
  target_date: '2027-06-01',
  why: null,
};
const stepRow = {
  id: 's1',
  goal_id: 'g1',
  position: 0,
  what: 'Hae yhteishaussa',
  owner: 'participant',
  due: '2027-03-15',
  status: 'open',
  dropped_reason: null,
  referral_id: null,
};

describe('0015-plans', () => {
  it('adds plans, goals, steps and versions beside the existing participants', () => {
    const db = across(15, seed);
    expect(db.prepare('SELECT id FROM participants').all()).toEqual([{ id: 'p1' }]);
    insertRow(db, 'plans', planRow);
    insertRow(db, 'plan_goals', goalRow);
    insertRow(db, 'plan_steps', { ...stepRow, referral_id: 'a referral not yet stored' });
    insertRow(db, 'plan_versions', { plan_id: 'pl1', version: 1, goals: '[]', saved_at: 'a', saved_by: 'u1' });
    expect(db.prepare('SELECT what, referral_id FROM plan_steps').get()).toEqual({
      what: 'Hae yhteishaussa',
      referral_id: 'a referral not yet stored',
    });
  });

  it('keeps one plan per participant and refuses unknown codes, empty texts and a drop without its reason', () => {
    const db = at(15);
    seed(db);
    insertRow(db, 'plans', planRow);
    expect(() => insertRow(db, 'plans', { ...planRow, id: 'pl2' })).toThrow(/UNIQUE/);
    const goals: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'lottery' }, /CHECK/],
      [{ target: '' }, /CHECK/],
      [{ why: '' }, /CHECK/],
      [{ target_date: '2027' }, /CHECK/],
      [{ plan_id: 'none' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of goals)
      expect(() => insertRow(db, 'plan_goals', { ...goalRow, ...values }), JSON.stringify(values)).toThrow(error);
    insertRow(db, 'plan_goals', goalRow);
    expect(() => insertRow(db, 'plan_goals', { ...goalRow, id: 'g2' })).toThrow(/UNIQUE/);
    const steps: [Record<string, unknown>, RegExp][] = [
      [{ owner: 'neighbour' }, /CHECK/],
      [{ status: 'late' }, /CHECK/],
      [{ status: 'dropped' }, /CHECK/],
      [{ dropped_reason: 'Ei tarvita' }, /CHECK/],
      [{ what: '' }, /CHECK/],
      [{ goal_id: 'none' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of steps)
      expect(() => insertRow(db, 'plan_steps', { ...stepRow, ...values }), JSON.stringify(values)).toThrow(error);
    insertRow(db, 'plan_steps', { ...stepRow, status: 'dropped', dropped_reason: 'Ei tarvita' });
    expect(() =>
      insertRow(db, 'plan_versions', { plan_id: 'pl1', version: 1, goals: '{}', saved_at: 'a', saved_by: 'u1' }),
    ).toThrow(/CHECK/);
  });
});
