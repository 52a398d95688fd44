import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const MISSING = '0123456789abcdef0123456789abcdef';

// The test clock stands at Saturday 28 November 2026. The cohort meets Mon-Thu from 2 November for five weeks:
// sixteen sessions held (2-26 November), four to come (30 November - 3 December).
async function programme() {
  const v = await staffedVault();
  vaults.push(v);
  const person = async (fields: { firstName: string; lastName?: string }) => {
    const { participant } = await v.t.ok('participants.create', { ...fields, confirmDuplicate: true });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-11-01',
      method: 'signed',
    });
    return participant.id;
  };
  const leila = (await v.t.ok('participants.create', LEILA)).participant.id;
  await v.t.ok('consents.record', { participantId: leila, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  const amal = await person({ firstName: 'Amal', lastName: 'Individual-Marker' });
  const noor = await person({ firstName: 'Noor', lastName: 'Ended-Marker' });
  const bashir = await person({ firstName: 'Bashir', lastName: 'Early-Marker' });
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Syksy 2026', startDate: '2026-11-02', lengthWeeks: 5 });
  for (const id of [leila, noor, bashir])
    await v.t.ok('cohorts.enrol', { participantId: id, cohortId: cohort.id, startDate: '2026-11-02' });
  await v.t.ok('cohorts.enrol', { participantId: amal, cohortId: cohort.id, startDate: '2026-11-02', mode: 'individual' });
  const enrolmentOf = async (id: string) => (await v.t.ok('cohorts.enrolments', { participantId: id }))[0]!.id;
  await v.t.ok('cohorts.endEnrolment', { id: await enrolmentOf(noor), endDate: '2026-11-18', outcome: 'completed' });
  await v.t.ok('cohorts.endEnrolment', {
    id: await enrolmentOf(bashir),
    endDate: '2026-11-10',
    outcome: 'discontinued',
    reason: 'Started work',
  });
  const sessions = await v.t.ok('sessions.list', { cohortId: cohort.id });
  const on = (date: string): Session => {
    const found = sessions.find((s) => s.date === date);
    if (!found) throw new Error(`no session on ${date}`);
    return found;
  };
  const mark = (
    sessionDate: string,
    participantId: string,
    value: 'present' | 'late' | 'leftEarly' | 'excused' | 'absent' | null,
  ) => v.t.call('attendance.mark', { sessionId: on(sessionDate).id, participantId, mark: value });
  return { v, cohort, sessions, on, mark, leila, amal, noor, bashir };
}

const issue = (result: { ok: boolean; details?: { issues?: readonly unknown[] } }) =>
  result.ok ? null : (result.details?.issues?.[0] ?? result);

describe('the attendance grid', () => {
  it('shows a week’s sessions and the group members enrolled in it, individual-only ones left out', async () => {
    const { v, cohort, leila, noor, bashir } = await programme();
    expect(cohort).toMatchObject({ endDate: '2026-12-06' });
    const week = await v.t.ok('attendance.grid', { cohortId: cohort.id, weekStart: '2026-11-16' });
    expect(week.sessions.map((s) => s.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']);
    expect(week.rows.map((r) => [r.participantId, r.enrolmentEnd])).toEqual([
      [leila, null],
      [noor, '2026-11-18'],
    ]);
    expect(week.threshold).toBe(70);
    expect(Object.keys(week.sessionRates)).toEqual(week.sessions.map((s) => s.id));
    // A day in the week stands for its Monday.
    expect((await v.t.ok('attendance.grid', { cohortId: cohort.id, weekStart: '2026-11-19' })).sessions).toEqual(week.sessions);
    const all = await v.t.ok('attendance.grid', { cohortId: cohort.id });
    expect(all.sessions).toHaveLength(20);
    expect(all.rows.map((r) => r.participantId)).toEqual([bashir, leila, noor]);
    expect(await v.t.call('attendance.grid', { cohortId: MISSING })).toMatchObject({ code: 'not_found' });
  });

  it('gives figures over the whole cohort so far, not only the week shown, with per-session rates', async () => {
    const { v, cohort, on, mark, leila, noor } = await programme();
    for (const date of ['2026-11-02', '2026-11-03', '2026-11-04']) expect((await mark(date, leila, 'absent')).ok).toBe(true);
    expect((await mark('2026-11-16', leila, 'present')).ok).toBe(true);
    expect((await mark('2026-11-16', noor, 'absent')).ok).toBe(true);
    expect((await mark('2026-11-17', noor, 'excused')).ok).toBe(true);
    const week = await v.t.ok('attendance.grid', { cohortId: cohort.id, weekStart: '2026-11-16' });
    const row = week.rows.find((r) => r.participantId === leila)!;
    expect(row.marks).toEqual({ [on('2026-11-16').id]: 'present' });
    expect(row.figures).toEqual({ counted: 4, attended: 1, rate: 25, absenceStreak: 0, flags: ['lowRate'] });
    expect(week.sessionRates).toEqual({
      [on('2026-11-16').id]: 50,
      [on('2026-11-17').id]: null,
      [on('2026-11-18').id]: null,
      [on('2026-11-19').id]: null,
    });
  });

  it('uses the threshold from the settings', async () => {
    const { v, cohort, mark, leila } = await programme();
    for (const [date, value] of [
      ['2026-11-02', 'present'],
      ['2026-11-03', 'present'],
      ['2026-11-04', 'absent'],
    ] as const)
      await mark(date, leila, value);
    const rowOf = async () =>
      (await v.t.ok('attendance.grid', { cohortId: cohort.id })).rows.find((r) => r.participantId === leila)!.figures;
    expect(await rowOf()).toMatchObject({ rate: 66, flags: ['lowRate'] });
    await v.as('coordinator');
    await v.t.ok('settings.update', { attendanceThreshold: 60 });
    expect(await rowOf()).toMatchObject({ rate: 66, flags: [] });
    expect((await v.t.ok('attendance.grid', { cohortId: cohort.id })).threshold).toBe(60);
  });

  it('shows a teacher first names and codes only', async () => {
    const { v, cohort, mark, leila, noor } = await programme();
    await mark('2026-11-16', leila, 'present');
    await v.as('teacher');
    const grid = await v.t.ok('attendance.grid', { cohortId: cohort.id });
    expect(grid.rows.map((r) => [r.displayName, r.pseudonym])).toEqual([
      ['Bashir', 'P-2026-004'],
      ['Leila', 'P-2026-001'],
      ['Noor', 'P-2026-003'],
    ]);
    expect(grid.rows.find((r) => r.participantId === noor)?.enrolmentEnd).toBe('2026-11-18');
    expect(JSON.stringify(grid)).not.toMatch(/Marker|Lili|:1991|\+358|example|Started work/);
    const drift = await v.t.ok('attendance.drift', {});
    expect(JSON.stringify(drift)).not.toMatch(/Marker|Lili/);
  });
});

describe('a mark', () => {
  it('is set, changed and cleared, answering the mark before and the new figures', async () => {
    const { v, cohort, on, mark, leila } = await programme();
    const first = await mark('2026-11-16', leila, 'late');
    expect(first).toEqual({
      ok: true,
      value: {
        previous: null,
        mark: 'late',
        figures: { counted: 1, attended: 1, rate: 100, absenceStreak: 0, flags: [] },
      },
    });
    expect(await mark('2026-11-16', leila, 'absent')).toMatchObject({
      value: { previous: 'late', mark: 'absent', figures: { rate: 0, flags: ['lowRate'] } },
    });
    expect(await mark('2026-11-16', leila, null)).toMatchObject({
      value: { previous: 'absent', mark: null, figures: { counted: 0, rate: null } },
    });
    const grid = await v.t.ok('attendance.grid', { cohortId: cohort.id, weekStart: '2026-11-16' });
    expect(grid.rows.find((r) => r.participantId === leila)?.marks).toEqual({});
    expect(on('2026-11-16').state).toBe('planned');
  });

  it('is refused for a cancelled or future session, or a participant not in the group that day; nothing saved', async () => {
    const { v, cohort, on, mark, leila, amal, noor, bashir } = await programme();
    await v.t.ok('sessions.cancel', { id: on('2026-11-05').id, reason: 'Storm' });
    expect(issue(await mark('2026-11-05', leila, 'present'))).toEqual({
      path: 'sessionId',
      i18nKey: 'programmeProblems.sessionCancelled',
    });
    expect(issue(await mark('2026-11-30', leila, 'present'))).toEqual({
      path: 'sessionId',
      i18nKey: 'programmeProblems.sessionInFuture',
    });
    expect(issue(await mark('2026-11-16', amal, 'present'))).toEqual({
      path: 'participantId',
      i18nKey: 'programmeProblems.notEnrolled',
    });
    expect(issue(await mark('2026-11-19', noor, 'present'))).toEqual({
      path: 'participantId',
      i18nKey: 'programmeProblems.notEnrolled',
    });
    expect(issue(await mark('2026-11-16', bashir, 'absent'))).toMatchObject({ i18nKey: 'programmeProblems.notEnrolled' });
    const stranger = (await v.t.ok('participants.create', { firstName: 'Zara' })).participant.id;
    expect(issue(await mark('2026-11-16', stranger, 'present'))).toMatchObject({ i18nKey: 'programmeProblems.notEnrolled' });
    expect(issue(await v.t.call('attendance.mark', { sessionId: MISSING, participantId: leila, mark: 'present' }))).toMatchObject(
      {
        code: 'not_found',
      },
    );
    expect(
      issue(await v.t.call('attendance.mark', { sessionId: on('2026-11-16').id, participantId: MISSING, mark: 'present' })),
    ).toMatchObject({ code: 'not_found' });
    const grid = await v.t.ok('attendance.grid', { cohortId: cohort.id });
    expect(grid.rows.every((r) => Object.keys(r.marks).length === 0)).toBe(true);
    // The session before the enrolment ended is markable, and the first day of a later session is today's.
    expect((await mark('2026-11-18', noor, 'present')).ok).toBe(true);
  });

  it('stays on a cancelled session but no longer counts', async () => {
    const { v, on, mark, leila } = await programme();
    await mark('2026-11-02', leila, 'absent');
    await mark('2026-11-03', leila, 'present');
    await v.t.ok('sessions.cancel', { id: on('2026-11-02').id, reason: 'Wrong day' });
    expect(await mark('2026-11-04', leila, 'present')).toMatchObject({
      value: { figures: { counted: 2, attended: 2, rate: 100 } },
    });
  });

  it('is given by teachers, not by psychologists, who may still read the grid', async () => {
    const { v, cohort, mark, leila } = await programme();
    await v.as('teacher');
    expect((await mark('2026-11-16', leila, 'present')).ok).toBe(true);
    await v.as('psychologist');
    expect(await mark('2026-11-17', leila, 'present')).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await v.t.ok('attendance.grid', { cohortId: cohort.id })).rows).toHaveLength(3);
  });

  it('is audited under the participant as attendance:<sessionId>, without the mark', async () => {
    const { v, on, mark, leila } = await programme();
    await mark('2026-11-16', leila, 'absent');
    await mark('2026-11-16', leila, null);
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'attendance.mark' });
    expect(entries.map((e) => [e.entity, e.entityId, e.detail])).toEqual([
      ['participant', leila, `attendance:${on('2026-11-16').id}`],
      ['participant', leila, `attendance:${on('2026-11-16').id}`],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/absent|Leila/);
  });
});

describe('the drift list', () => {
  it('lists flagged group members of current and recently ended cohorts, by cohort then name', async () => {
    const { v, cohort, mark, leila, noor } = await programme();
    for (const date of ['2026-11-02', '2026-11-03', '2026-11-04']) await mark(date, leila, 'absent');
    await mark('2026-11-02', noor, 'absent');
    // Another cohort, started earlier this year and ended 10 days ago, with a participant under the threshold.
    const zara = (await v.t.ok('participants.create', { firstName: 'Zara' })).participant.id;
    const omar = (await v.t.ok('participants.create', { firstName: 'Omar' })).participant.id;
    for (const id of [zara, omar])
      await v.t.ok('consents.record', { participantId: id, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
    const recent = (await v.t.ok('cohorts.create', { name: 'Kesä 2026', startDate: '2026-09-07', lengthWeeks: 10 })).cohort;
    expect(recent.endDate).toBe('2026-11-15');
    await v.t.ok('cohorts.enrol', { participantId: zara, cohortId: recent.id, startDate: '2026-09-07' });
    await v.t.ok('cohorts.enrol', { participantId: omar, cohortId: recent.id, startDate: '2026-09-07' });
    const first = (await v.t.ok('sessions.list', { cohortId: recent.id }))[0]!;
    await v.t.call('attendance.mark', { sessionId: first.id, participantId: zara, mark: 'absent' });
    await v.t.call('attendance.mark', { sessionId: first.id, participantId: omar, mark: 'present' });
    // A cohort that ended long ago does not show.
    const old = (await v.t.ok('cohorts.create', { name: 'Alku 2026', startDate: '2026-01-05', lengthWeeks: 4 })).cohort;
    const ghost = await v.t.ok('participants.create', { firstName: 'Ghost' });
    await v.t.ok('consents.record', {
      participantId: ghost.participant.id,
      purpose: 'processing',
      givenOn: '2026-01-01',
      method: 'signed',
    });
    await v.t.ok('cohorts.enrol', { participantId: ghost.participant.id, cohortId: old.id, startDate: '2026-01-05' });
    const oldSession = (await v.t.ok('sessions.list', { cohortId: old.id }))[0]!;
    await v.t.ok('attendance.mark', { sessionId: oldSession.id, participantId: ghost.participant.id, mark: 'absent' });

    const drift = await v.t.ok('attendance.drift', {});
    expect(drift.map((d) => [d.cohortName, d.displayName, d.figures.flags])).toEqual([
      ['Kesä 2026', 'Zara', ['lowRate']],
      ['Syksy 2026', 'Leila Haddad-Marker', ['lowRate', 'absenceStreak']],
    ]);
    expect(drift[1]).toMatchObject({ participantId: leila, cohortId: cohort.id, pseudonym: 'P-2026-001' });
  });
});

describe('a participant’s attendance in their file', () => {
  it('gives each group cohort’s figures, counts and held marks newest first; individual guidance has none', async () => {
    const { v, cohort, on, mark, leila, amal, noor } = await programme();
    for (const [date, value] of [
      ['2026-11-02', 'present'],
      ['2026-11-03', 'late'],
      ['2026-11-04', 'excused'],
      ['2026-11-05', 'absent'],
      ['2026-11-09', 'absent'],
    ] as const)
      expect((await mark(date, leila, value)).ok).toBe(true);
    // A cancelled session's mark stays in the vault but no longer counts.
    expect((await mark('2026-11-10', leila, 'present')).ok).toBe(true);
    await v.t.ok('sessions.cancel', { id: on('2026-11-10').id, reason: 'Room flooded' });
    // Noor is marked after her enrolment ended: that day is not hers.
    expect((await mark('2026-11-16', noor, 'present')).ok).toBe(true);

    const own = await v.t.ok('attendance.participant', { participantId: leila });
    expect(own.threshold).toBe(70);
    expect(own.cohorts).toHaveLength(1);
    const [syksy] = own.cohorts;
    expect(syksy).toMatchObject({
      cohortId: cohort.id,
      cohortName: 'Syksy 2026',
      figures: { counted: 4, attended: 2, rate: 50, absenceStreak: 2, flags: ['lowRate'] },
      counts: { present: 1, late: 1, leftEarly: 0, excused: 1, absent: 2 },
    });
    expect(syksy!.marks.map((m) => [m.date, m.mark])).toEqual([
      ['2026-11-09', 'absent'],
      ['2026-11-05', 'absent'],
      ['2026-11-04', 'excused'],
      ['2026-11-03', 'late'],
      ['2026-11-02', 'present'],
    ]);
    expect(syksy!.marks[0]).toEqual({ sessionId: on('2026-11-09').id, date: '2026-11-09', topic: null, mark: 'absent' });

    expect((await v.t.ok('attendance.participant', { participantId: noor })).cohorts[0]).toMatchObject({
      figures: { counted: 1, attended: 1, rate: 100 },
      marks: [{ date: '2026-11-16', mark: 'present' }],
    });
    expect((await v.t.ok('attendance.participant', { participantId: amal })).cohorts).toEqual([]);
    expect(await v.t.call('attendance.participant', { participantId: MISSING })).toMatchObject({ code: 'not_found' });
  });
});
