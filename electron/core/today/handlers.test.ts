import { afterEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/api';
import { plantProgramme } from '../../../tests/support/programme';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** The manual clock stands at Saturday 2026-11-28; this week runs from Monday 23rd to Sunday 29th. */
const NEXT_WEEK = '2026-11-30';

/**
 * A vault where the caseworker is responsible for Leila (flagged, drifting, with follow-ups) and not for Noor; two
 * groups, one run by the teacher and one by the caseworker, each with its first two sessions marked and the next
 * two held but unmarked. The caseworker is unlocked at the end.
 */
async function office() {
  const v = await staffedVault();
  vaults.push(v);
  const person = async (firstName: string, responsible: string | null) => {
    const { participant } = await v.t.ok('participants.create', {
      firstName,
      lastName: 'Marker',
      responsibleCaseworkerId: responsible,
      confirmDuplicate: true,
    });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-11-01',
      method: 'signed',
    });
    return participant.id;
  };
  await v.as('caseworker');
  const leila = await person('Leila', v.caseworkerId);
  const noor = await person('Noor', null);
  const teachers = await plantProgramme(v.t, v.teacherId, [{ participantId: leila, marks: ['absent', 'absent'] }]);
  const caseworkers = await plantProgramme(v.t, v.caseworkerId, [{ participantId: noor, marks: ['present', 'present'] }]);
  await v.t.ok('flags.set', { participantId: leila, kind: 'code_word_set', note: null });
  await v.t.ok('flags.set', { participantId: noor, kind: 'no_photos', note: null });
  const note = async (participantId: string, due: string, owner?: string) =>
    (
      await v.t.ok('notes.create', {
        participantId,
        date: '2026-11-20',
        type: 'phone_call',
        text: 'Puhelu.',
        followUp: { task: `Task due ${due}`, due, ...(owner ? { owner } : {}) },
      })
    ).note.id;
  return { v, leila, noor, teachers, caseworkers, note };
}

type Page = OutputOf<'today.get'>;
const followUpTasks = (page: Page) => page.followUps?.lines.map((l) => [l.task, l.mine, l.overdue]);

describe('the Today page', () => {
  it('shows a teacher the week’s sessions and the attendance still to mark, their own groups first, and no participant', async () => {
    const { v, teachers, caseworkers } = await office();
    await v.as('teacher');
    const page = await v.t.ok('today.get', { weekStart: NEXT_WEEK });
    expect(page).toMatchObject({ today: '2026-11-28', weekStart: NEXT_WEEK });
    expect(page.sessions.map((s) => [s.sessionId, s.mine])).toEqual([
      [teachers.sessionIds[5], true],
      [caseworkers.sessionIds[5], false],
    ]);
    expect(page.attendanceGaps?.map((s) => [s.sessionId, s.date, s.mine])).toEqual([
      [teachers.sessionIds[2], '2026-11-04', true],
      [teachers.sessionIds[3], '2026-11-05', true],
      [caseworkers.sessionIds[2], '2026-11-04', false],
      [caseworkers.sessionIds[3], '2026-11-05', false],
    ]);
    expect(page.attendanceGaps?.[0]).toMatchObject({ cohortId: teachers.cohortId, cohortName: 'Kevät COHORTMARK' });
    for (const list of ['followUps', 'flagged', 'drafts', 'appointments', 'planSteps', 'assessments'] as const)
      expect(page[list], list).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/Leila|Noor|Marker|P-20/);
  });

  it('drops a session from the attendance gaps once anyone in it has a mark', async () => {
    const { v, leila, teachers } = await office();
    await v.as('teacher');
    await v.t.ok('attendance.mark', { sessionId: teachers.sessionIds[2]!, participantId: leila, mark: 'present' });
    const gaps = (await v.t.ok('today.get', {})).attendanceGaps?.map((s) => s.sessionId);
    expect(gaps).not.toContain(teachers.sessionIds[2]);
    expect(gaps).toContain(teachers.sessionIds[3]);
  });

  it('lists open follow-ups due by the end of the week: the caseworker’s own first, overdue before due', async () => {
    const { v, leila, noor, note } = await office();
    await note(noor, '2026-11-25', v.coordinatorId);
    await note(leila, '2026-11-29');
    await note(leila, '2026-11-10');
    await note(noor, '2026-11-30');
    const done = await note(noor, '2026-11-01');
    await v.t.ok('notes.setFollowUpDone', { id: done, done: true });

    const page = await v.t.ok('today.get', {});
    expect(followUpTasks(page)).toEqual([
      ['Task due 2026-11-10', true, true],
      ['Task due 2026-11-29', true, false],
      ['Task due 2026-11-25', false, true],
    ]);
    expect(page.followUps?.total).toBe(3);
    expect(page.followUps?.lines[0]).toMatchObject({
      participantId: leila,
      displayName: 'Leila Marker',
      ownerName: 'Kalle Ohjaaja',
    });
    expect(page.followUps?.lines[2]).toMatchObject({ participantId: noor, ownerName: 'Aino Koordinaattori' });

    await v.as('coordinator');
    expect(followUpTasks(await v.t.ok('today.get', {}))).toEqual([
      ['Task due 2026-11-25', true, true],
      ['Task due 2026-11-10', false, true],
      ['Task due 2026-11-29', false, false],
    ]);
    expect(followUpTasks(await v.t.ok('today.get', { weekStart: NEXT_WEEK }))?.map(([task]) => task)).toContain(
      'Task due 2026-11-30',
    );
  });

  it('drops a follow-up ticked done from the note list, and brings it back when unticked', async () => {
    const { v, leila, note } = await office();
    const id = await note(leila, '2026-11-27');
    expect(followUpTasks(await v.t.ok('today.get', {}))).toEqual([['Task due 2026-11-27', true, true]]);
    await v.t.ok('notes.setFollowUpDone', { id, done: true });
    expect(await v.t.ok('today.get', {})).toMatchObject({ followUps: { lines: [], total: 0 } });
    await v.t.ok('notes.setFollowUpDone', { id, done: false });
    expect(followUpTasks(await v.t.ok('today.get', {}))).toEqual([['Task due 2026-11-27', true, true]]);
  });

  it('makes a follow-up someone else’s when its owner is changed on the note', async () => {
    const { v, leila, note } = await office();
    const id = await note(leila, '2026-11-27');
    await v.t.ok('notes.update', {
      id,
      date: '2026-11-20',
      type: 'phone_call',
      text: 'Puhelu.',
      followUp: { task: 'Task due 2026-11-27', due: '2026-11-27', owner: v.coordinatorId },
    });
    expect(followUpTasks(await v.t.ok('today.get', {}))).toEqual([['Task due 2026-11-27', false, true]]);
    await v.as('coordinator');
    expect(followUpTasks(await v.t.ok('today.get', {}))).toEqual([['Task due 2026-11-27', true, true]]);
  });

  it('shows the caseworker their flagged participants and their own drafts', async () => {
    const { v, leila, noor } = await office();
    await v.t.ok('notes.saveDraft', { participantId: noor, fields: { text: 'Kesken' } });
    await v.as('coordinator');
    await v.t.ok('notes.saveDraft', { participantId: leila, fields: { text: 'Koordinaattorin luonnos' } });
    await v.as('caseworker');

    const page = await v.t.ok('today.get', {});
    expect(page.flagged).toEqual([
      { participantId: leila, pseudonym: expect.any(String), displayName: 'Leila Marker', flags: 1 },
    ]);
    expect(page.drafts?.map((d) => [d.participantId, d.noteId])).toEqual([[noor, null]]);
    expect(page.appointments).toBeNull();
  });

  it('shows a psychologist the next appointments of their own entries, and no drafts', async () => {
    const { v, leila, noor } = await office();
    await v.as('psychologist');
    const entry = (
      await v.t.ok('psychosocial.create', {
        participantId: leila,
        date: '2026-11-27',
        durationMinutes: 45,
        kind: 'individual',
        riskLevel: 'low',
        nextAppointment: { date: '2026-12-02', time: '10:00' },
      })
    ).entry;
    await v.t.ok('psychosocial.create', {
      participantId: noor,
      date: '2026-11-20',
      durationMinutes: 45,
      kind: 'individual',
      riskLevel: 'none',
      nextAppointment: { date: '2026-11-25', time: null },
    });
    const page = await v.t.ok('today.get', {});
    expect(page.appointments).toEqual([
      {
        participantId: leila,
        pseudonym: expect.any(String),
        displayName: 'Leila Marker',
        entryId: entry.id,
        date: '2026-12-02',
        time: '10:00',
      },
    ]);
    expect(page.drafts).toBeNull();
    expect(page.attendanceGaps).toBeNull();
  });

  it('leaves the start page’s own notices (reach out early, files due for deletion, backup) to their channels', async () => {
    const { v } = await office();
    await v.as('coordinator');
    const page = await v.t.ok('today.get', {});
    // Read once, by the notices themselves, with what they show: not a second time here.
    expect(Object.keys(page).sort()).toEqual(
      [
        'appointments',
        'assessments',
        'attendanceGaps',
        'drafts',
        'flagged',
        'followUps',
        'overdueReferrals',
        'planSteps',
        'sessions',
        'sixMonthFollowUps',
        'today',
        'weekStart',
      ].sort(),
    );
    expect(page.appointments).toBeNull();
  });

  it('lists the open plan steps due by the week’s end for the caseworker’s own participants, overdue first', async () => {
    const { v, leila, noor } = await office();
    const steps = [
      { what: 'Later', owner: 'participant' as const, due: '2026-12-10' },
      { what: 'Next week', owner: 'caseworker' as const, due: '2026-12-02' },
      { what: 'Overdue', owner: 'participant' as const, due: '2026-11-20' },
      { what: 'Done', owner: 'partner' as const, due: '2026-11-25', status: 'done' as const },
      { what: 'Dropped', owner: 'partner' as const, due: '2026-11-26', status: 'dropped' as const, droppedReason: 'Ei' },
      { what: 'Undated', owner: 'participant' as const },
    ];
    for (const participantId of [leila, noor])
      await v.t.ok('plans.save', {
        participantId,
        baseVersion: null,
        goals: [{ kind: 'languageLevel', target: 'Suomi B1', steps }],
      });
    const page = await v.t.ok('today.get', { weekStart: NEXT_WEEK });
    expect(page.planSteps?.total).toBe(2);
    expect(page.planSteps?.lines.map((l) => [l.participantId, l.what, l.due, l.overdue, l.owner])).toEqual([
      [leila, 'Overdue', '2026-11-20', true, 'participant'],
      [leila, 'Next week', '2026-12-02', false, 'caseworker'],
    ]);
    expect(page.planSteps?.lines[0]).toMatchObject({
      goalKind: 'languageLevel',
      goalTarget: 'Suomi B1',
      pseudonym: 'P-2026-001',
    });
    // This week only: the step of next week waits for its week.
    expect((await v.t.ok('today.get', {})).planSteps?.lines.map((l) => l.what)).toEqual(['Overdue']);
    await v.as('psychologist');
    expect((await v.t.ok('today.get', { weekStart: NEXT_WEEK })).planSteps).toEqual({ lines: [], total: 0 });
  });
});
