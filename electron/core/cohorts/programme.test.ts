import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const MISSING = '0123456789abcdef0123456789abcdef';

/** A vault with the caseworker unlocked and Leila (every field filled in, processing consent given). */
async function withLeila() {
  const v = await staffedVault();
  vaults.push(v);
  const { participant } = await v.t.ok('participants.create', LEILA);
  await v.t.ok('consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: '2026-11-01',
    method: 'signed',
  });
  return { v, leila: participant.id };
}

describe('a new cohort', () => {
  it('gets its calendar on the meeting weekdays, Finnish days off skipped and reported', async () => {
    const { v } = await withLeila();
    // Easter 2027: Good Friday 26 March is not a meeting day (Mon-Thu); Easter Monday 29 March is skipped.
    const created = await v.t.ok('cohorts.create', {
      name: 'Kevät 2027',
      startDate: '2027-03-22',
      lengthWeeks: 2,
      startTime: '12:30',
      endTime: '15:30',
      place: 'Sali 2',
      staffIds: [v.teacherId, v.caseworkerId],
    });
    expect(created.cohort).toMatchObject({
      startDate: '2027-03-22',
      endDate: '2027-04-04',
      weekdays: [1, 2, 3, 4],
      startTime: '12:30',
      endTime: '15:30',
      place: 'Sali 2',
    });
    expect(created.sessions).toBe(7);
    expect(created.skipped).toEqual([{ date: '2027-03-29', holiday: 'easterMonday' }]);
    const sessions = await v.t.ok('sessions.list', { cohortId: created.cohort.id });
    expect(sessions.map((s) => s.date)).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
    ]);
    for (const s of sessions)
      expect(s).toMatchObject({
        startTime: '12:30',
        endTime: '15:30',
        place: 'Sali 2',
        facilitatorId: null,
        state: 'planned',
        extra: false,
      });
    const detail = await v.t.ok('cohorts.get', { id: created.cohort.id });
    expect(detail).toMatchObject({ sessions: 7, cancelledSessions: 0 });
    expect(detail.staff.map((s) => [s.userId, s.role])).toEqual([
      [v.caseworkerId, 'caseworker'],
      [v.teacherId, 'teacher'],
    ]);
  });

  it('meets on the weekdays it is given, in order', async () => {
    const { v } = await withLeila();
    const { cohort, sessions } = await v.t.ok('cohorts.create', {
      name: 'Ilta',
      startDate: '2027-09-06',
      lengthWeeks: 1,
      weekdays: [5, 2],
    });
    expect(cohort.weekdays).toEqual([2, 5]);
    expect(sessions).toBe(2);
    expect((await v.t.ok('sessions.list', { cohortId: cohort.id })).map((s) => s.date)).toEqual(['2027-09-07', '2027-09-10']);
  });

  it('is refused whole, calendar and all, for staff who are not active accounts, or a time ending first', async () => {
    const { v } = await withLeila();
    expect(
      await v.t.call('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-22', staffIds: [v.teacherId, MISSING] }),
    ).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'staffIds', i18nKey: 'programmeProblems.staffUnknown' }] },
    });
    expect(
      await v.t.call('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-22', startTime: '12:00', endTime: '09:00' }),
    ).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'endTime' }] } });
    expect(await v.t.call('cohorts.create', { name: 'Kevät 2027', startDate: '2200-12-01', lengthWeeks: 10 })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'startDate', i18nKey: 'programmeProblems.dateOutOfRange' }] },
    });
    await v.as('coordinator');
    await v.t.ok('users.deactivate', { id: v.teacherId });
    expect(
      await v.t.call('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-22', staffIds: [v.teacherId] }),
    ).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'staffIds' }] } });
    expect(await v.t.ok('cohorts.list', {})).toEqual([]);
    const audit = await v.t.ok('audit.list', { action: 'cohorts.create' });
    expect(audit.entries.filter((e) => e.outcome === 'ok')).toEqual([]);
  });
});

describe('a cohort', () => {
  it('is renamed, moved and staffed by cohorts.update, audited with field names only', async () => {
    const { v } = await withLeila();
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-22', lengthWeeks: 1 });
    await v.t.ok('cohorts.create', { name: 'Syksy 2027', startDate: '2027-08-16', lengthWeeks: 1 });
    const { cohort: updated } = await v.t.ok('cohorts.update', {
      id: cohort.id,
      name: 'Kevät 2027 A',
      place: 'Kirjasto',
      staffIds: [v.teacherId],
    });
    expect(updated).toMatchObject({ name: 'Kevät 2027 A', place: 'Kirjasto', staff: [{ userId: v.teacherId }] });
    expect(await v.t.call('cohorts.update', { id: cohort.id, name: 'SYKSY 2027' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name', i18nKey: 'registry.cohorts.problems.nameTaken' }] },
    });
    expect(await v.t.call('cohorts.update', { id: cohort.id, place: 'Elsewhere', staffIds: [MISSING] })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'staffIds' }] },
    });
    expect(await v.t.ok('cohorts.get', { id: cohort.id })).toMatchObject({
      name: 'Kevät 2027 A',
      place: 'Kirjasto',
      staff: [{ userId: v.teacherId }],
    });
    expect(await v.t.call('cohorts.get', { id: MISSING })).toMatchObject({ code: 'not_found' });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'cohorts.update' });
    expect(entries.filter((e) => e.outcome === 'ok').map((e) => [e.entity, e.entityId, e.detail])).toEqual([
      ['cohort', cohort.id, 'name,place,staffIds'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Kirjasto|Kevät/);
  });

  it('lists its members as the reader may see them: a teacher gets a first name and a code only', async () => {
    const { v, leila } = await withLeila();
    const amal = (await v.t.ok('participants.create', { firstName: 'Amal', lastName: 'Other-Marker' })).participant.id;
    await v.t.ok('consents.record', { participantId: amal, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-22' });
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: leila, cohortId: cohort.id, startDate: '2027-03-22' });
    await v.t.ok('cohorts.enrol', { participantId: amal, cohortId: cohort.id, startDate: '2027-03-22', mode: 'individual' });
    await v.t.ok('cohorts.endEnrolment', { id: enrolment.id, endDate: '2027-04-01', outcome: 'completed' });

    const full = await v.t.ok('cohorts.members', { id: cohort.id });
    expect(full.map((m) => [m.displayName, m.mode, m.endDate])).toEqual([
      ['Amal Other-Marker', 'individual', null],
      ['Leila Haddad-Marker', 'group', '2027-04-01'],
    ]);

    await v.as('teacher');
    const limited = await v.t.ok('cohorts.members', { id: cohort.id });
    expect(limited).toEqual([
      {
        enrolmentId: expect.any(String),
        participantId: amal,
        displayName: 'Amal',
        pseudonym: 'P-2026-002',
        startDate: '2027-03-22',
        endDate: null,
        mode: 'individual',
        outcome: null,
      },
      {
        enrolmentId: enrolment.id,
        participantId: leila,
        displayName: 'Leila',
        pseudonym: 'P-2026-001',
        startDate: '2027-03-22',
        endDate: '2027-04-01',
        mode: 'group',
        outcome: 'completed',
      },
    ]);
    expect(JSON.stringify(limited)).not.toMatch(/Marker|Lili|:1991|\+358|example/);
    expect(await v.t.call('cohorts.members', { id: MISSING })).toMatchObject({ code: 'not_found' });
  });

  it('takes an enrolment in individual mode, shown with the enrolments', async () => {
    const { v, leila } = await withLeila();
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-22' });
    const { enrolment } = await v.t.ok('cohorts.enrol', {
      participantId: leila,
      cohortId: cohort.id,
      startDate: '2027-03-22',
      mode: 'individual',
    });
    expect(enrolment.mode).toBe('individual');
    expect(await v.t.ok('cohorts.enrolments', { participantId: leila })).toEqual([enrolment]);
  });
});

describe('the staff a cohort can have', () => {
  it('are offered to a caseworker in every role, active accounts only, and not to a teacher', async () => {
    const v = await staffedVault();
    vaults.push(v);
    await v.as('coordinator');
    await v.t.ok('users.deactivate', { id: v.psychologistId });
    await v.as('caseworker');
    const offered = await v.t.ok('cohorts.staffOptions', {});
    expect(offered.map((o) => o.userId).sort()).toEqual([v.coordinatorId, v.caseworkerId, v.teacherId].sort());
    expect(offered.find((o) => o.userId === v.teacherId)).toMatchObject({ role: 'teacher', displayName: 'Olli Opettaja' });
    await v.as('teacher');
    expect(await v.t.call('cohorts.staffOptions', {})).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
