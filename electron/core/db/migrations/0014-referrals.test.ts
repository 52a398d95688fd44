import { describe, expect, it } from 'vitest';
import { participantSteps } from '../../participants/row-graph';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

/** A caseworker, a participant and a partner with a contact, as version 13 stores them. */
function seed(db: Db): void {
  addUser(db);
  addParticipant(db);
  db.exec(`
    INSERT INTO partners (id, name, name_key, type, created_by, created_at, updated_at)
      VALUES ('pa1', 'Työkeskus', 'tyokeskus', 'employmentServices', 'u1', 'now', 'now');
    INSERT INTO partner_contacts (id, partner_id, name) VALUES ('c1', 'pa1', 'Maija');
  `);
}

function insertReferral(db: Db, values: Record<string, unknown> = {}): void {
  insertRow(db, 'referrals', {
    id: 'r1',
    participant_id: 'p1',
    partner_id: 'pa1',
    partner_name: 'Työkeskus',
    contact_id: 'c1',
    contact_name: 'Maija',
    service_type: 'employmentServices',
    urgency: 'routine',
    status: 'draft',
    reason: 'Sisäinen syy',
    message: 'Viesti',
    shared_fields: '["name","summary"]',
    summary: 'Yhteenveto',
    follow_up_on: '2026-12-20',
    created_at: 'now',
    created_by: 'u1',
    updated_at: 'now',
    updated_by: 'u1',
    ...values,
  });
}

function insertEvent(db: Db, values: Record<string, unknown> = {}): void {
  insertRow(db, 'referral_events', {
    referral_id: 'r1',
    status: 'draft',
    date: '2026-12-01',
    at: 'now',
    by_user: 'u1',
    ...values,
  });
}

describe('0014-referrals', () => {
  it('adds referrals and their events beside the existing participants and partners', () => {
    const db = across(14, seed);
    expect(db.prepare('SELECT id FROM partners').all()).toEqual([{ id: 'pa1' }]);
    insertReferral(db);
    insertEvent(db);
    insertEvent(db, { status: 'sent', standing: 'consent' });
    insertEvent(db, { status: 'completed', outcome: 'other', outcome_text: 'Aloitti' });
    expect(db.prepare('SELECT count(*) AS n FROM referral_events').get()).toEqual({ n: 3 });
  });

  it('puts a referral and its events in the participant’s row graph, events before the referral', () => {
    const db = at(14);
    seed(db);
    insertReferral(db);
    insertEvent(db);
    const tables = participantSteps(db, 'p1').map((s) => s.table);
    expect(tables).toContain('referral_events');
    expect(tables.indexOf('referral_events')).toBeLessThan(tables.indexOf('referrals'));
  });

  it('refuses unknown codes, empty texts, a broken field list and events that do not fit their status', () => {
    const db = at(14);
    seed(db);
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ service_type: 'banking' }, /CHECK/],
      [{ urgency: 'yesterday' }, /CHECK/],
      [{ status: 'lost' }, /CHECK/],
      [{ reason: '' }, /CHECK/],
      [{ message: '' }, /CHECK/],
      [{ shared_fields: '{"name":1}' }, /CHECK/],
      [{ shared_fields: 'name' }, /CHECK/],
      [{ partner_name: '' }, /CHECK/],
      [{ follow_up_on: '2026-12' }, /CHECK/],
      [{ partner_id: 'nobody' }, /FOREIGN KEY/],
      [{ participant_id: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refused) expect(() => insertReferral(db, values), JSON.stringify(values)).toThrow(error);
    insertReferral(db, { partner_id: null, contact_id: null, contact_name: null });
    const refusedEvents: [Record<string, unknown>, RegExp][] = [
      [{ status: 'completed' }, /CHECK/],
      [{ status: 'sent', outcome: 'other' }, /CHECK/],
      [{ status: 'accepted', reason: 'Miksi' }, /CHECK/],
      [{ status: 'sent', standing: 'maybe' }, /CHECK/],
      [{ referral_id: 'nothing' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of refusedEvents) expect(() => insertEvent(db, values), JSON.stringify(values)).toThrow(error);
    insertEvent(db, { status: 'declined', reason: 'Ei tilaa' });
  });
});
