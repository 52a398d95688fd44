import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** A vault with a caseworker unlocked, two participants with the processing consent, and two cohorts. */
async function programme() {
  const v = await staffedVault();
  vaults.push(v);
  const ids: string[] = [];
  for (const firstName of ['Leila', 'Amal']) {
    const { participant } = await v.t.ok('participants.create', { ...LEILA, firstName, phone: null, birthYear: null });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-11-01',
      method: 'signed',
    });
    ids.push(participant.id);
  }
  const spring = (await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-01-11' })).cohort;
  const autumn = (await v.t.ok('cohorts.create', { name: 'Syksy 2027', startDate: '2027-08-16', lengthWeeks: 12 })).cohort;
  return { v, leila: ids[0]!, amal: ids[1]!, spring, autumn };
}

describe('cohorts', () => {
  it('are created with ten weeks unless told otherwise, listed newest first with how many are enrolled', async () => {
    const { v, leila, spring, autumn } = await programme();
    expect(spring).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Kevät 2027',
      startDate: '2027-01-11',
      lengthWeeks: 10,
      endDate: '2027-03-21',
      weekdays: [1, 2, 3, 4],
      startTime: '09:00',
      endTime: '12:00',
      place: null,
      enrolled: 0,
    });
    await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    expect(await v.t.ok('cohorts.list', {})).toEqual([
      { ...autumn, lengthWeeks: 12, endDate: '2027-11-07' },
      { ...spring, enrolled: 1 },
    ]);
  });

  it('refuse a name already in use, whatever its case or accents', async () => {
    const { v } = await programme();
    expect(await v.t.call('cohorts.create', { name: '  KEVAT 2027 ', startDate: '2027-02-01' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name', i18nKey: 'registry.cohorts.problems.nameTaken' }] },
    });
    expect(await v.t.ok('cohorts.list', {})).toHaveLength(2);
  });

  it('are created by staff who edit participants, and listed for teachers too', async () => {
    const { v } = await programme();
    for (const role of ['psychologist', 'teacher'] as const) {
      await v.as(role);
      expect(await v.t.call('cohorts.create', { name: 'Extra', startDate: '2027-02-01' }), role).toMatchObject({
        code: 'forbidden',
      });
      expect((await v.t.ok('cohorts.list', {})).map((c) => c.name)).toEqual(['Syksy 2027', 'Kevät 2027']);
    }
  });

  it('are audited as cohorts, without their name', async () => {
    const { v, spring } = await programme();
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'cohorts.create' });
    expect(entries.map((e) => [e.entity, e.userId])).toEqual([
      ['cohort', v.caseworkerId],
      ['cohort', v.caseworkerId],
    ]);
    expect(entries[1]).toMatchObject({ entityId: spring.id, detail: null });
    expect(JSON.stringify(entries)).not.toMatch(/Kevät|Syksy/);
  });
});

describe('an enrolment', () => {
  it('puts a participant into a cohort, shown as the open one among their enrolments', async () => {
    const { v, leila, spring } = await programme();
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    expect(enrolment).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      participantId: leila,
      cohortId: spring.id,
      cohortName: 'Kevät 2027',
      startDate: '2027-01-11',
      endDate: null,
      outcome: null,
      outcomeReason: null,
      mode: 'group',
    });
    expect(await v.t.ok('cohorts.enrolments', { participantId: leila })).toEqual([enrolment]);
  });

  it('is refused while the participant has an open one: one cohort at a time, nothing saved', async () => {
    const { v, leila, spring, autumn } = await programme();
    await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    const second = await v.t.call('cohorts.enrol', { participantId: leila, cohortId: autumn.id, startDate: '2027-08-16' });
    expect(second).toMatchObject({
      ok: false,
      code: 'invalid_input',
      details: { issues: [{ path: 'cohortId', i18nKey: 'registry.cohorts.problems.alreadyEnrolled' }] },
    });
    expect(await v.t.ok('cohorts.enrolments', { participantId: leila })).toHaveLength(1);
  });

  it('needs the processing consent', async () => {
    const { v, spring } = await programme();
    const { participant } = await v.t.ok('participants.create', { firstName: 'Noor' });
    expect(
      await v.t.call('cohorts.enrol', { participantId: participant.id, cohortId: spring.id, startDate: '2027-01-11' }),
    ).toMatchObject({ code: 'consent_required', details: { purpose: 'processing' } });
  });

  it('is refused for a cohort or participant that does not exist', async () => {
    const { v, leila, spring } = await programme();
    const missing = '0123456789abcdef0123456789abcdef';
    expect(await v.t.call('cohorts.enrol', { participantId: leila, cohortId: missing, startDate: '2027-01-11' })).toMatchObject({
      code: 'not_found',
    });
    expect(
      await v.t.call('cohorts.enrol', { participantId: missing, cohortId: spring.id, startDate: '2027-01-11' }),
    ).toMatchObject({ code: 'not_found' });
  });

  it('ends with an outcome, after which the participant may join another cohort', async () => {
    const { v, leila, spring, autumn } = await programme();
    const first = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    const ended = await v.t.ok('cohorts.endEnrolment', {
      id: first.enrolment.id,
      endDate: '2027-02-12',
      outcome: 'discontinued',
      reason: 'Started work',
    });
    expect(ended.enrolment).toMatchObject({ endDate: '2027-02-12', outcome: 'discontinued', outcomeReason: 'Started work' });
    const next = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: autumn.id, startDate: '2027-08-16' });
    expect(await v.t.ok('cohorts.enrolments', { participantId: leila })).toEqual([next.enrolment, ended.enrolment]);
  });

  it('cannot end twice, end before it started, or be discontinued without a reason', async () => {
    const { v, leila, spring } = await programme();
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    const issueOf = async (input: Parameters<typeof v.t.call<'cohorts.endEnrolment'>>[1]) => {
      const result = await v.t.call('cohorts.endEnrolment', input);
      return result.ok ? null : result.details?.issues?.[0];
    };
    expect(await issueOf({ id: enrolment.id, endDate: '2027-01-10', outcome: 'completed' })).toEqual({
      path: 'endDate',
      i18nKey: 'registry.cohorts.problems.endBeforeStart',
    });
    expect(await issueOf({ id: enrolment.id, endDate: '2027-03-19', outcome: 'discontinued' })).toMatchObject({
      path: 'reason',
    });
    await v.t.ok('cohorts.endEnrolment', { id: enrolment.id, endDate: '2027-03-19', outcome: 'completed' });
    expect(await issueOf({ id: enrolment.id, endDate: '2027-03-20', outcome: 'completed' })).toEqual({
      path: 'id',
      i18nKey: 'registry.cohorts.problems.alreadyEnded',
    });
  });

  it('is audited under the participant as enrolment:<id>, with no cohort name or reason', async () => {
    const { v, leila, spring } = await programme();
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    await v.t.ok('cohorts.endEnrolment', {
      id: enrolment.id,
      endDate: '2027-02-12',
      outcome: 'discontinued',
      reason: 'Moved away',
    });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { entity: 'participant', entityId: leila });
    const enrolmentEvents = entries.filter((e) => e.action.startsWith('cohorts.'));
    expect(enrolmentEvents.map((e) => [e.action, e.detail])).toEqual([
      ['cohorts.endEnrolment', `enrolment:${enrolment.id}`],
      ['cohorts.enrol', `enrolment:${enrolment.id}`],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Kevät|Moved away/);
  });
});

describe('the registry by cohort', () => {
  it('shows each participant’s open cohort and filters by it', async () => {
    const { v, leila, amal, spring, autumn } = await programme();
    await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    const page = await v.t.ok('participants.list', {});
    expect(page.view).toBe('full');
    const cohortOf = Object.fromEntries(page.rows.map((r) => [r.id, 'cohortId' in r ? [r.cohortId, r.cohortName] : null]));
    expect(cohortOf).toEqual({ [leila]: [spring.id, 'Kevät 2027'], [amal]: [null, null] });
    const filtered = await v.t.ok('participants.list', { cohortId: spring.id });
    expect([filtered.total, filtered.rows.map((r) => r.id)]).toEqual([1, [leila]]);
    expect(await v.t.ok('participants.list', { cohortId: autumn.id })).toMatchObject({ total: 0, rows: [] });
  });

  it('forgets an ended enrolment: the participant is in no cohort until they join another', async () => {
    const { v, leila, spring } = await programme();
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    await v.t.ok('cohorts.endEnrolment', { id: enrolment.id, endDate: '2027-03-19', outcome: 'completed' });
    expect(await v.t.ok('participants.list', { cohortId: spring.id })).toMatchObject({ total: 0 });
    expect((await v.t.ok('cohorts.list', {})).find((c) => c.id === spring.id)?.enrolled).toBe(0);
  });

  it('shows a teacher the cohort name, lets them filter by cohort, and opens the file with it', async () => {
    const { v, leila, spring } = await programme();
    await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    await v.as('teacher');
    const page = await v.t.ok('participants.list', { cohortId: spring.id });
    expect(page).toEqual({
      view: 'limited',
      total: 1,
      rows: [{ id: leila, pseudonym: 'P-2026-001', firstName: 'Leila', cohortName: 'Kevät 2027' }],
    });
    expect(await v.t.ok('participants.get', { id: leila })).toEqual({ view: 'limited', participant: page.rows[0] });
    expect(await v.t.call('cohorts.enrolments', { participantId: leila })).toMatchObject({ code: 'forbidden' });
    expect(await v.t.call('participants.list', { cohortId: spring.id, status: ['active'] })).toMatchObject({
      code: 'forbidden',
    });
  });

  it('keeps the full record of an opened file as it was: the cohort comes through the enrolments', async () => {
    const { v, leila, spring } = await programme();
    await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    const opened = await v.t.ok('participants.get', { id: leila });
    expect(opened.view).toBe('full');
    expect(Object.keys(opened.participant)).not.toContain('cohortName');
  });
});

describe('deleting a participant', () => {
  it('removes their enrolments and leaves the cohort and others’ enrolments in place', async () => {
    const { v, leila, amal, spring } = await programme();
    await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: spring.id, startDate: '2027-01-11' });
    await v.t.ok('cohorts.enrol', { participantId: amal, cohortId: spring.id, startDate: '2027-01-11' });
    await v.as('coordinator');
    const preview = await v.t.ok('participants.deletionPreview', { id: leila });
    expect(preview.counts).toMatchObject({ enrolments: 1 });
    expect(preview.counts).not.toHaveProperty('cohorts');
    await v.t.ok('participants.delete', { id: leila, confirmPseudonym: preview.pseudonym });
    expect(await v.t.ok('cohorts.list', {})).toContainEqual({ ...spring, enrolled: 1 });
    expect(await v.t.ok('cohorts.enrolments', { participantId: amal })).toHaveLength(1);
    expect(await v.t.call('cohorts.enrolments', { participantId: leila })).toMatchObject({ code: 'not_found' });
  });
});
