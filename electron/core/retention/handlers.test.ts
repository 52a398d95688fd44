import { afterEach, describe, expect, it } from 'vitest';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { plantReferral, REFERRAL_PARTNER } from '../../../tests/support/referrals';
import { samplePlanGoals } from '../plans/testing/plan';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault() {
  const v = await staffedVault();
  vaults.push(v);
  await v.as('coordinator');
  return v;
}

/** Moves the vault's clock to local noon of a calendar day; the idle lock this causes is undone by unlocking again. */
async function setDay(v: StaffedVault, day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  v.t.clock.advance(new Date(y, m - 1, d, 12).getTime() - v.t.clock.now());
  await v.as('coordinator');
}

/** A participant created and closed on `day`; returns id and pseudonym. */
async function closedOn(v: StaffedVault, day: string, firstName = 'Amal') {
  await setDay(v, day);
  const { participant } = await v.t.ok('participants.create', { firstName, confirmDuplicate: true });
  await v.t.ok('participants.setStatus', { id: participant.id, status: 'closed' });
  return participant;
}

const dueIds = async (v: StaffedVault) => (await v.t.ok('retention.due', {})).files.map((f) => f.participantId);

describe('the retention setting', () => {
  it('is off until the coordinator sets 1 to 30 years; everyone may read it; setting it is audited', async () => {
    const v = await vault();
    expect(await v.t.ok('retention.get', {})).toEqual({ years: 0 });
    for (const years of [31, -1, 1.5])
      expect(await v.t.call('retention.set', { years })).toMatchObject({ code: 'invalid_input' });
    expect(await v.t.ok('retention.set', { years: 6 })).toEqual({ years: 6 });
    const { entries } = await v.t.ok('audit.list', { action: 'retention.set' });
    expect(entries.map((e) => [e.entity, e.detail])).toEqual([['settings', 'years:6']]);
    await v.as('caseworker');
    expect(await v.t.ok('retention.get', {})).toEqual({ years: 6 });
    expect(await v.t.call('retention.set', { years: 1 })).toMatchObject({ code: 'forbidden' });
    await v.as('coordinator');
    expect(await v.t.ok('retention.set', { years: 0 })).toEqual({ years: 0 });
  });
});

describe('the due list', () => {
  it('dates each file by its closing and lists it from the day the period ends', async () => {
    const v = await vault();
    const file = await closedOn(v, '2026-12-01');
    const closedAt = new Date(v.t.clock.now()).toISOString();
    await v.t.ok('participants.create', { firstName: 'Still active', confirmDuplicate: true });
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2027-11-30');
    expect(await v.t.ok('retention.due', {})).toEqual({ years: 1, today: '2027-11-30', files: [] });
    await setDay(v, '2027-12-01');
    expect(await v.t.ok('retention.due', {})).toEqual({
      years: 1,
      today: '2027-12-01',
      files: [{ participantId: file.id, pseudonym: file.pseudonym, closedAt, closedOn: '2026-12-01', dueSince: '2027-12-01' }],
    });
  });

  it('lists a file closed on 29 February from 28 February of the next year', async () => {
    const v = await vault();
    const leap = await closedOn(v, '2028-02-29');
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2029-02-27');
    expect(await dueIds(v)).toEqual([]);
    await setDay(v, '2029-02-28');
    expect(await dueIds(v)).toEqual([leap.id]);
  });

  it('is empty while the rule is off, and follows a changed rule', async () => {
    const v = await vault();
    const older = await closedOn(v, '2026-12-01');
    const newer = await closedOn(v, '2029-06-01');
    await setDay(v, '2032-01-10');
    expect(await dueIds(v)).toEqual([]);
    await v.t.ok('retention.set', { years: 5 });
    expect(await dueIds(v)).toEqual([older.id]);
    await v.t.ok('retention.set', { years: 2 });
    expect(await dueIds(v)).toEqual([older.id, newer.id]);
  });
});

describe('erasing due files', () => {
  it('is the coordinator’s alone: a caseworker is refused the list and the erasure, and nothing goes', async () => {
    const v = await vault();
    const file = await closedOn(v, '2026-12-01');
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2028-01-01');
    await v.as('caseworker');
    expect(await v.t.call('retention.due', {})).toMatchObject({ code: 'forbidden' });
    expect(await v.t.call('retention.erase', { participantIds: [file.id], confirmCount: 1 })).toMatchObject({
      code: 'forbidden',
    });
    expect((await v.t.ok('participants.get', { id: file.id })).participant.id).toBe(file.id);
  });

  it('needs the number of files typed back, and erases nothing when any chosen file is not due', async () => {
    const v = await vault();
    const due = await closedOn(v, '2026-12-01');
    const notYet = await closedOn(v, '2027-06-01');
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2028-01-01');
    expect(await v.t.call('retention.erase', { participantIds: [due.id], confirmCount: 2 })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'confirmCount', i18nKey: 'retention.confirm.mismatch' }] },
    });
    expect(await v.t.call('retention.erase', { participantIds: [due.id, notYet.id], confirmCount: 2 })).toMatchObject({
      code: 'retention_not_due',
    });
    expect(await v.t.call('retention.erase', { participantIds: [due.id, due.id], confirmCount: 2 })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await dueIds(v)).toEqual([due.id]);
    expect((await v.t.ok('audit.list', { action: 'participants.delete' })).entries).toEqual([]);
  });

  it('erases each chosen file with its own tombstone and records the run, and the list is then empty', async () => {
    const v = await vault();
    const first = await closedOn(v, '2026-12-01', 'First');
    const second = await closedOn(v, '2026-12-02', 'Second');
    const kept = await closedOn(v, '2026-12-03', 'Kept');
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2028-01-01');
    expect(await v.t.ok('retention.erase', { participantIds: [first.id, second.id], confirmCount: 2 })).toEqual({ erased: 2 });
    expect(await dueIds(v)).toEqual([kept.id]);
    for (const gone of [first, second])
      expect(await v.t.call('participants.get', { id: gone.id })).toMatchObject({ code: 'not_found' });
    const tombstones = (await v.t.ok('audit.list', { action: 'participants.delete' })).entries;
    expect(tombstones.map((e) => e.entityId).sort()).toEqual([first.id, second.id].sort());
    expect(tombstones.every((e) => e.detail === 'participants:1')).toBe(true);
    const runs = (await v.t.ok('audit.list', { action: 'retention.erase' })).entries;
    expect(runs.map((e) => [e.detail, e.outcome])).toEqual([['erased:2', 'ok']]);
    expect(runs[0]!.id).toBeGreaterThan(Math.max(...tombstones.map((e) => e.id)));
    expect(await v.t.call('retention.erase', { participantIds: [first.id], confirmCount: 1 })).toMatchObject({
      code: 'retention_not_due',
    });
  });

  it('erases a due file’s referrals with it, and the partner they went to stays in the register', async () => {
    const v = await vault();
    await setDay(v, '2026-12-01');
    const { participant } = await v.t.ok('participants.create', { firstName: 'Referred', confirmDuplicate: true });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-12-01',
      method: 'signed',
    });
    await plantReferral(v.t, participant.id, 'Retention ', '2026-12-01');
    await v.t.ok('participants.setStatus', { id: participant.id, status: 'closed' });
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2028-01-01');
    await v.t.ok('retention.erase', { participantIds: [participant.id], confirmCount: 1 });
    const [tombstone] = (await v.t.ok('audit.list', { action: 'participants.delete' })).entries;
    expect(tombstone?.detail).toContain('referrals:1');
    expect(tombstone?.detail).toContain('referral_events:3');
    expect((await v.t.ok('partners.list', {})).map((p) => p.name)).toEqual([REFERRAL_PARTNER]);
  });

  it('erases a due file’s career and study plan with it, every version, and names its rows in the tombstone', async () => {
    const v = await vault();
    await setDay(v, '2026-12-01');
    const { participant } = await v.t.ok('participants.create', { firstName: 'Planned', confirmDuplicate: true });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-12-01',
      method: 'signed',
    });
    const { plan } = await v.t.ok('plans.save', { participantId: participant.id, baseVersion: null, goals: samplePlanGoals() });
    await v.t.ok('plans.save', { participantId: participant.id, baseVersion: plan.version, goals: plan.goals.slice(1) });
    await v.t.ok('participants.setStatus', { id: participant.id, status: 'closed' });
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2028-01-01');
    expect(await v.t.ok('retention.erase', { participantIds: [participant.id], confirmCount: 1 })).toEqual({ erased: 1 });
    expect(await v.t.call('plans.get', { participantId: participant.id })).toMatchObject({ code: 'not_found' });
    const [tombstone] = (await v.t.ok('audit.list', { action: 'participants.delete' })).entries;
    expect(tombstone?.detail).toContain('plan_goals:1,plan_steps:2,plan_versions:1,plans:1');
  });

  it('erases a due file’s funder data with it, and names its row in the tombstone', async () => {
    const v = await vault();
    await setDay(v, '2026-12-01');
    const { participant } = await v.t.ok('participants.create', { firstName: 'Counted', confirmDuplicate: true });
    const participantId = participant.id;
    await v.t.ok('consents.record', { participantId, purpose: 'processing', givenOn: '2026-12-01', method: 'signed' });
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Joulu 2026', startDate: '2026-11-02', lengthWeeks: 4 });
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId, cohortId: cohort.id, startDate: '2026-11-02' });
    await v.t.ok('cohorts.endEnrolment', { id: enrolment.id, endDate: '2026-11-27', outcome: 'completed' });
    await v.t.ok('participation.recordExit', {
      participantId,
      checkedOn: '2026-12-01',
      jobSearching: false,
      inEducation: true,
      qualification: false,
      employed: false,
    });
    const { participant: now } = (await v.t.ok('participants.get', { id: participantId })) as { participant: { status: string } };
    // Joining a group may have made the file active: it is completed before it is closed.
    if (now.status === 'active') await v.t.ok('participants.setStatus', { id: participantId, status: 'completed' });
    await v.t.ok('participants.setStatus', { id: participantId, status: 'closed' });
    await v.t.ok('retention.set', { years: 1 });
    await setDay(v, '2028-01-01');
    expect(await v.t.ok('retention.erase', { participantIds: [participantId], confirmCount: 1 })).toEqual({ erased: 1 });
    expect(await v.t.call('participation.get', { participantId })).toMatchObject({ code: 'not_found' });
    const [tombstone] = (await v.t.ok('audit.list', { action: 'participants.delete' })).entries;
    expect(tombstone?.detail).toContain('participation_results:1');
  });
});
