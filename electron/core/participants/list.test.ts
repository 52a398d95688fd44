import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import type { ParticipantRow } from '@shared/participants';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

let v: StaffedVault;
beforeAll(async () => {
  v = await staffedVault();
  const people: InputOf<'participants.create'>[] = [
    { firstName: 'Ädelina', lastName: 'Öberg', referralDate: '2026-03-01', responsibleCaseworkerId: v.caseworkerId },
    { firstName: 'Bashir', lastName: 'Ahmadi', preferredName: 'Bash', referralDate: '2026-01-15' },
    { firstName: 'chen', lastName: 'Li', status: 'active', responsibleCaseworkerId: v.caseworkerId },
    { lastName: 'Nameless', referralDate: '2026-02-01' },
    { firstName: 'Dawit', lastName: 'Tesfay', status: 'active', responsibleCaseworkerId: v.coordinatorId },
  ];
  for (const person of people) {
    await v.t.ok('participants.create', person);
    v.t.clock.advance(60_000);
  }
});
afterAll(() => v.t.cleanup());

async function page(input: InputOf<'participants.list'>) {
  const result = await v.t.ok('participants.list', input);
  if (result.view !== 'full') throw new Error('expected the full view');
  return { rows: result.rows as ParticipantRow[], total: result.total };
}
const codes = async (input: InputOf<'participants.list'>) => (await page(input)).rows.map((r) => r.pseudonym.slice(-1));

describe('the participant registry', () => {
  it('lists every participant by pseudonym, with the total, rows without contact details or notes', async () => {
    const { rows, total } = await page({});
    expect(total).toBe(5);
    expect(rows.map((r) => r.pseudonym)).toEqual(['P-2026-001', 'P-2026-002', 'P-2026-003', 'P-2026-004', 'P-2026-005']);
    for (const hidden of ['phone', 'email', 'safeContactNotes', 'referralContactPerson', 'discontinuedReason'])
      expect(rows[0]).not.toHaveProperty(hidden);
    expect(rows[0]).toMatchObject({ responsibleCaseworkerName: 'Kalle Ohjaaja' });
  });

  it('filters by status and by responsible caseworker, together or apart', async () => {
    expect(await codes({ status: ['active'] })).toEqual(['3', '5']);
    expect(await codes({ status: ['active', 'referred'] })).toEqual(['1', '2', '3', '4', '5']);
    expect(await codes({ status: [] })).toEqual(['1', '2', '3', '4', '5']);
    expect(await codes({ responsibleCaseworkerId: v.caseworkerId })).toEqual(['1', '3']);
    expect(await codes({ responsibleCaseworkerId: v.caseworkerId, status: ['active'] })).toEqual(['3']);
    expect((await page({ status: ['closed'] })).total).toBe(0);
  });

  it('finds participants by pseudonym or any name, ignoring case and accents', async () => {
    expect(await codes({ search: 'ADELINA' })).toEqual(['1']);
    expect(await codes({ search: 'oberg' })).toEqual(['1']);
    expect(await codes({ search: 'Öberg' })).toEqual(['1']);
    expect(await codes({ search: 'bash' })).toEqual(['2']);
    expect(await codes({ search: 'p-2026-004' })).toEqual(['4']);
    expect(await codes({ search: '  ' })).toEqual(['1', '2', '3', '4', '5']);
    expect(await codes({ search: 'li' })).toEqual(['1', '3']);
    expect(await codes({ search: 'nobody' })).toEqual([]);
  });

  it('sorts by every key in both directions, with empty values last either way', async () => {
    expect(await codes({ sort: 'firstName' })).toEqual(['1', '2', '3', '5', '4']);
    expect(await codes({ sort: 'firstName', direction: 'desc' })).toEqual(['5', '3', '2', '1', '4']);
    expect(await codes({ sort: 'lastName' })).toEqual(['2', '3', '4', '1', '5']);
    expect(await codes({ sort: 'referralDate' })).toEqual(['2', '4', '1', '3', '5']);
    expect(await codes({ sort: 'referralDate', direction: 'desc' })).toEqual(['1', '4', '2', '3', '5']);
    expect(await codes({ sort: 'status' })).toEqual(['1', '2', '4', '3', '5']);
    expect(await codes({ sort: 'createdAt', direction: 'desc' })).toEqual(['5', '4', '3', '2', '1']);
    expect(await codes({ sort: 'pseudonym', direction: 'desc' })).toEqual(['5', '4', '3', '2', '1']);
    await v.t.ok('participants.update', { id: (await page({ search: 'bash' })).rows[0]!.id, preferredName: 'Bashi' });
    expect((await codes({ sort: 'updatedAt', direction: 'desc' }))[0]).toBe('2');
  });

  it('pages with offset and limit; the total counts every match', async () => {
    expect(await page({ limit: 2 })).toMatchObject({ total: 5 });
    expect(await codes({ limit: 2 })).toEqual(['1', '2']);
    expect(await codes({ limit: 2, offset: 2 })).toEqual(['3', '4']);
    expect(await codes({ limit: 2, offset: 4 })).toEqual(['5']);
    expect(await page({ offset: 10 })).toEqual({ rows: [], total: 5 });
    expect(await page({ status: ['active'], limit: 1, offset: 1 })).toMatchObject({ total: 2, rows: [{ firstName: 'Dawit' }] });
  });

  it('counts each row’s safety flags in force, narrows to the flagged, and sorts by flags and by group', async () => {
    const ids = (await page({})).rows.map((r) => r.id);
    await v.as('caseworker');
    await v.t.ok('flags.set', { participantId: ids[3]!, kind: 'no_photos', note: null });
    await v.t.ok('flags.set', { participantId: ids[3]!, kind: 'code_word_set', note: null });
    await v.t.ok('flags.set', { participantId: ids[1]!, kind: 'address_confidential', note: null });
    const cleared = (await v.t.ok('flags.set', { participantId: ids[4]!, kind: 'health_risk', note: null })).flag.id;
    await v.t.ok('flags.clear', { id: cleared });
    const { cohort: spring } = await v.t.ok('cohorts.create', { name: 'Spring', startDate: '2026-03-02' });
    const { cohort: autumn } = await v.t.ok('cohorts.create', { name: 'autumn', startDate: '2026-09-07' });
    for (const [i, cohortId] of [
      [4, spring.id],
      [0, autumn.id],
    ] as const) {
      await v.t.ok('consents.record', { participantId: ids[i]!, purpose: 'processing', givenOn: '2026-01-05', method: 'signed' });
      await v.t.ok('cohorts.enrol', { participantId: ids[i]!, cohortId, startDate: '2026-03-02' });
    }

    expect((await page({})).rows.map((r) => r.safetyFlags)).toEqual([0, 1, 0, 2, 0]);
    expect(await codes({ flagged: true })).toEqual(['2', '4']);
    expect(await page({ flagged: true, status: ['active'] })).toMatchObject({ total: 0 });
    expect(await codes({ sort: 'safetyFlags', direction: 'desc' })).toEqual(['4', '2', '1', '3', '5']);
    // Group names sort as people read them (case aside); those in no group come last either way.
    expect(await codes({ sort: 'cohort' })).toEqual(['1', '5', '2', '3', '4']);
    expect(await codes({ sort: 'cohort', direction: 'desc' })).toEqual(['5', '1', '2', '3', '4']);
  });

  it('refuses the flag filter to the limited view, which shows no flags, but lets it sort by group', async () => {
    await v.as('teacher');
    expect(await v.t.call('participants.list', { flagged: true })).toMatchObject({ ok: false, code: 'forbidden' });
    const limited = await v.t.ok('participants.list', { sort: 'cohort' });
    expect(limited.rows.map((r) => r.pseudonym.slice(-1))).toEqual(['1', '5', '2', '3', '4']);
    expect(JSON.stringify(limited)).not.toMatch(/safetyFlags/);
  });
});
