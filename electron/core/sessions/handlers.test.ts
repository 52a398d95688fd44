import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const MISSING = '0123456789abcdef0123456789abcdef';

/** A one-week cohort, Monday 22 to Thursday 25 March 2027, 9-12 in Sali 2; the caseworker is unlocked. */
async function week() {
  const v = await staffedVault();
  vaults.push(v);
  const { cohort } = await v.t.ok('cohorts.create', {
    name: 'Kevät 2027',
    startDate: '2027-03-22',
    lengthWeeks: 1,
    place: 'Sali 2',
  });
  const sessions = await v.t.ok('sessions.list', { cohortId: cohort.id });
  const on = (date: string): Session => {
    const found = sessions.find((s) => s.date === date);
    if (!found) throw new Error(`no session on ${date}`);
    return found;
  };
  return { v, cohort, sessions, on };
}

async function problem(result: Promise<{ ok: boolean; details?: { issues?: readonly unknown[] } }>) {
  const r = await result;
  return r.ok ? null : (r.details?.issues?.[0] ?? r);
}

describe('a session', () => {
  it('moves to another day and time, and takes a topic, facilitator, guest and notes', async () => {
    const { v, cohort, on } = await week();
    const { session } = await v.t.ok('sessions.update', {
      id: on('2027-03-22').id,
      date: '2027-03-26',
      startTime: '13:00',
      endTime: '15:00',
      topic: 'rightsAtWork',
      facilitatorId: v.teacherId,
      guest: 'Union speaker',
      notes: 'Went through payslips.',
    });
    expect(session).toMatchObject({
      date: '2027-03-26',
      startTime: '13:00',
      endTime: '15:00',
      place: 'Sali 2',
      topic: 'rightsAtWork',
      facilitatorId: v.teacherId,
      facilitatorName: 'Olli Opettaja',
      guest: 'Union speaker',
      notes: 'Went through payslips.',
      state: 'planned',
    });
    const listed = await v.t.ok('sessions.list', { cohortId: cohort.id });
    expect(listed.map((s) => s.date)).toEqual(['2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26']);
    expect(listed.at(-1)).toEqual(session);
    const cleared = await v.t.ok('sessions.update', { id: session.id, facilitatorId: null, notes: '' });
    expect(cleared.session).toMatchObject({ facilitatorId: null, facilitatorName: null, notes: null, guest: 'Union speaker' });
  });

  it('refuses an overlap with another planned session of the cohort that day; touching times are fine', async () => {
    const { v, cohort, on } = await week();
    const before = await v.t.ok('sessions.list', { cohortId: cohort.id });
    expect(await problem(v.t.call('sessions.update', { id: on('2027-03-23').id, date: '2027-03-24' }))).toEqual({
      path: 'startTime',
      i18nKey: 'programmeProblems.overlap',
    });
    expect(
      await problem(
        v.t.call('sessions.update', { id: on('2027-03-23').id, date: '2027-03-24', startTime: '11:59', endTime: '13:00' }),
      ),
    ).toEqual({ path: 'startTime', i18nKey: 'programmeProblems.overlap' });
    expect(await v.t.ok('sessions.list', { cohortId: cohort.id })).toEqual(before);
    const moved = await v.t.ok('sessions.update', {
      id: on('2027-03-23').id,
      date: '2027-03-24',
      startTime: '12:00',
      endTime: '14:00',
    });
    expect(moved.session).toMatchObject({ date: '2027-03-24', startTime: '12:00' });
    // Another cohort's session at the same time is no overlap.
    const other = await v.t.ok('cohorts.create', { name: 'Syksy', startDate: '2027-03-22', lengthWeeks: 1 });
    expect(other.sessions).toBe(4);
  });

  it('refuses an end before the start, an unknown or inactive facilitator and an unknown partner, saving nothing', async () => {
    const { v, cohort, on } = await week();
    const id = on('2027-03-22').id;
    const before = await v.t.ok('sessions.list', { cohortId: cohort.id });
    expect(await problem(v.t.call('sessions.update', { id, endTime: '08:00', notes: 'Half' }))).toEqual({
      path: 'endTime',
      i18nKey: 'programmeProblems.endBeforeStart',
    });
    expect(await problem(v.t.call('sessions.update', { id, startTime: '12:00' }))).toEqual({
      path: 'endTime',
      i18nKey: 'programmeProblems.endBeforeStart',
    });
    expect(await problem(v.t.call('sessions.update', { id, facilitatorId: MISSING, notes: 'Half' }))).toEqual({
      path: 'facilitatorId',
      i18nKey: 'programmeProblems.facilitatorUnknown',
    });
    expect(await problem(v.t.call('sessions.update', { id, partnerId: MISSING, topic: 'it' }))).toEqual({
      path: 'partnerId',
      i18nKey: 'programmeProblems.partnerUnknown',
    });
    expect(await problem(v.t.call('sessions.update', { id: MISSING, notes: 'x' }))).toMatchObject({ code: 'not_found' });
    await v.as('coordinator');
    await v.t.ok('users.deactivate', { id: v.psychologistId });
    await v.as('caseworker');
    expect(await problem(v.t.call('sessions.update', { id, facilitatorId: v.psychologistId }))).toEqual({
      path: 'facilitatorId',
      i18nKey: 'programmeProblems.facilitatorUnknown',
    });
    expect(await v.t.ok('sessions.list', { cohortId: cohort.id })).toEqual(before);
  });

  it('takes an existing partner organisation', async () => {
    const { v, on } = await week();
    const { partner } = await v.t.ok('partners.save', { name: 'Firma Oy', type: 'employer', notes: null });
    const { session } = await v.t.ok('sessions.update', {
      id: on('2027-03-22').id,
      partnerId: partner.id,
      topic: 'companyVisit',
    });
    expect(session).toMatchObject({ partnerId: partner.id, partnerName: 'Firma Oy', topic: 'companyVisit' });
  });

  it('refuses a partner marked inactive when newly chosen, but keeps one that went inactive after it was chosen', async () => {
    const { v, on } = await week();
    const id = on('2027-03-22').id;
    const { partner: kept } = await v.t.ok('partners.save', { name: 'Firma Oy', type: 'employer', notes: null });
    const { partner: old } = await v.t.ok('partners.save', {
      name: 'Vanha Oy',
      type: 'employer',
      notes: null,
      active: false,
    });
    expect(await problem(v.t.call('sessions.update', { id, partnerId: old.id, notes: 'Visit' }))).toEqual({
      path: 'partnerId',
      i18nKey: 'programmeProblems.partnerInactive',
    });
    expect((await v.t.ok('sessions.list', { cohortId: on('2027-03-22').cohortId }))[0]).toMatchObject({
      partnerId: null,
      notes: null,
    });
    await v.t.ok('sessions.update', { id, partnerId: kept.id });
    await v.t.ok('partners.save', { id: kept.id, name: 'Firma Oy', type: 'employer', notes: null, active: false });
    const { session } = await v.t.ok('sessions.update', { id, partnerId: kept.id, notes: 'Still the same partner' });
    expect(session).toMatchObject({ partnerId: kept.id, notes: 'Still the same partner' });
  });

  it('can be added as an extra, with the cohort’s place unless given, and not over another', async () => {
    const { v, cohort } = await week();
    const { session } = await v.t.ok('sessions.add', {
      cohortId: cohort.id,
      date: '2027-03-22',
      startTime: '12:00',
      endTime: '14:00',
      topic: 'guestLecture',
    });
    expect(session).toMatchObject({ date: '2027-03-22', place: 'Sali 2', extra: true, topic: 'guestLecture', state: 'planned' });
    const before = await v.t.ok('sessions.list', { cohortId: cohort.id });
    expect(before).toHaveLength(5);
    expect(
      await problem(v.t.call('sessions.add', { cohortId: cohort.id, date: '2027-03-22', startTime: '13:00', endTime: '16:00' })),
    ).toEqual({ path: 'startTime', i18nKey: 'programmeProblems.overlap' });
    expect(
      await problem(
        v.t.call('sessions.add', {
          cohortId: cohort.id,
          date: '2027-03-27',
          startTime: '10:00',
          endTime: '11:00',
          facilitatorId: MISSING,
        }),
      ),
    ).toEqual({ path: 'facilitatorId', i18nKey: 'programmeProblems.facilitatorUnknown' });
    expect(
      await problem(v.t.call('sessions.add', { cohortId: cohort.id, date: '2027-03-27', startTime: '10:00', endTime: '09:00' })),
    ).toMatchObject({ path: 'endTime' });
    expect(
      await problem(v.t.call('sessions.add', { cohortId: MISSING, date: '2027-03-27', startTime: '10:00', endTime: '11:00' })),
    ).toMatchObject({ code: 'not_found' });
    expect(await v.t.ok('sessions.list', { cohortId: cohort.id })).toEqual(before);
    const elsewhere = await v.t.ok('sessions.add', {
      cohortId: cohort.id,
      date: '2027-03-27',
      startTime: '10:00',
      endTime: '11:00',
      place: '',
    });
    expect(elsewhere.session.place).toBeNull();
  });

  it('is cancelled with a reason and restored unless another session took its time', async () => {
    const { v, cohort, on } = await week();
    const monday = on('2027-03-22');
    const { session: cancelled } = await v.t.ok('sessions.cancel', { id: monday.id, reason: 'Teacher ill' });
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Teacher ill' });
    expect(await problem(v.t.call('sessions.cancel', { id: monday.id, reason: 'Again' }))).toEqual({
      path: 'id',
      i18nKey: 'programmeProblems.alreadyCancelled',
    });
    expect(await v.t.ok('cohorts.get', { id: cohort.id })).toMatchObject({ sessions: 3, cancelledSessions: 1 });
    // A cancelled session frees its time.
    const { session: replacement } = await v.t.ok('sessions.add', {
      cohortId: cohort.id,
      date: '2027-03-22',
      startTime: '10:00',
      endTime: '11:00',
    });
    expect(await problem(v.t.call('sessions.restore', { id: monday.id }))).toEqual({
      path: 'startTime',
      i18nKey: 'programmeProblems.overlap',
    });
    expect((await v.t.ok('sessions.list', { cohortId: cohort.id })).find((s) => s.id === monday.id)?.state).toBe('cancelled');
    await v.t.ok('sessions.cancel', { id: replacement.id, reason: 'Not needed' });
    const { session: restored } = await v.t.ok('sessions.restore', { id: monday.id });
    expect(restored).toMatchObject({ state: 'planned', cancelReason: null });
    expect(await problem(v.t.call('sessions.restore', { id: monday.id }))).toEqual({
      path: 'id',
      i18nKey: 'programmeProblems.notCancelled',
    });
    expect(await problem(v.t.call('sessions.cancel', { id: monday.id, reason: '   ' }))).toMatchObject({ path: 'reason' });
  });

  it('is changed by teachers too, not by psychologists', async () => {
    const { v, cohort, on } = await week();
    await v.as('teacher');
    await v.t.ok('sessions.update', { id: on('2027-03-22').id, topic: 'finnish' });
    await v.t.ok('sessions.cancel', { id: on('2027-03-23').id, reason: 'Holiday trip' });
    expect(await v.t.ok('sessions.list', { cohortId: cohort.id })).toHaveLength(4);
    await v.as('psychologist');
    expect(await v.t.ok('sessions.list', { cohortId: cohort.id })).toHaveLength(4);
    expect(await v.t.call('sessions.update', { id: on('2027-03-22').id, topic: 'it' })).toMatchObject({ code: 'forbidden' });
    expect(
      await v.t.call('sessions.add', { cohortId: cohort.id, date: '2027-03-27', startTime: '10:00', endTime: '11:00' }),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('is audited under the session with ids and field names, never notes, guests or reasons', async () => {
    const { v, cohort, on } = await week();
    const id = on('2027-03-22').id;
    await v.t.ok('sessions.update', { id, notes: 'NOTE-MARKER', guest: 'GUEST-MARKER' });
    await v.t.ok('sessions.cancel', { id, reason: 'REASON-MARKER' });
    await v.t.ok('sessions.restore', { id });
    const { session } = await v.t.ok('sessions.add', {
      cohortId: cohort.id,
      date: '2027-03-27',
      startTime: '10:00',
      endTime: '11:00',
    });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { entity: 'session' });
    expect(entries.map((e) => [e.action, e.entityId, e.detail ?? null])).toEqual([
      ['sessions.add', session.id, `cohort:${cohort.id}`],
      ['sessions.restore', id, null],
      ['sessions.cancel', id, null],
      ['sessions.update', id, 'guest,notes'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/MARKER/);
  });
});
