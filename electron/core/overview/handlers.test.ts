import { afterEach, describe, expect, it } from 'vitest';
import { plantProgramme } from '../../../tests/support/programme';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/**
 * Leila's file, as the caseworker leaves it: consent to processing, photos withdrawn, one flag in force and one
 * cleared, a group (the clock stands at Saturday 2026-11-28; the group's next session is on Tuesday 1 December),
 * two open follow-ups and one done, a half-written note. The caseworker is unlocked at the end.
 */
async function leilasFile() {
  const v = await staffedVault();
  vaults.push(v);
  await v.as('caseworker');
  const leila = (
    await v.t.ok('participants.create', {
      firstName: 'Leila',
      lastName: 'Marker',
      responsibleCaseworkerId: v.caseworkerId,
      confirmDuplicate: true,
    })
  ).participant.id;
  await v.t.ok('consents.record', { participantId: leila, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  const photos = await v.t.ok('consents.record', {
    participantId: leila,
    purpose: 'photos',
    givenOn: '2026-11-01',
    method: 'oral',
  });
  await v.t.ok('consents.withdraw', { id: photos.id, withdrawnOn: '2026-11-10' });
  const group = await plantProgramme(v.t, v.teacherId, [
    { participantId: leila, marks: ['present', 'absent', 'late', 'present'] },
  ]);
  await v.t.ok('flags.set', { participantId: leila, kind: 'code_word_set', note: null });
  const cleared = (await v.t.ok('flags.set', { participantId: leila, kind: 'no_photos', note: null })).flag.id;
  await v.t.ok('flags.clear', { id: cleared });
  const note = async (date: string, text: string, followUp?: { task: string; due: string; owner?: string }) =>
    (await v.t.ok('notes.create', { participantId: leila, date, type: 'phone_call', text, ...(followUp ? { followUp } : {}) }))
      .note.id;
  await note('2026-11-10', 'Ensimmäinen puhelu.', { task: 'Soita työnantajalle', due: '2026-11-20' });
  await note('2026-11-12', 'Toinen puhelu.', { task: 'Varaa tulkki', due: '2026-12-04', owner: v.coordinatorId });
  const done = await note('2026-11-13', 'Kolmas.', { task: 'Valmis tehtävä', due: '2026-11-14' });
  await v.t.ok('notes.setFollowUpDone', { id: done, done: true });
  const latest = await note('2026-11-25', `Viimeisin tapaaminen. ${'Pitkä teksti jatkuu. '.repeat(30)}`);
  await v.t.ok('notes.saveDraft', { participantId: leila, fields: { text: 'Kesken jäänyt' } });
  return { v, leila, group, latest };
}

describe('a participant’s overview', () => {
  it('gives the caseworker flags, consents, the group with attendance and next session, follow-ups, the latest note and drafts', async () => {
    const { v, leila, group, latest } = await leilasFile();
    const overview = await v.t.ok('overview.participant', { participantId: leila });
    expect(overview.today).toBe('2026-11-28');
    expect(overview.flags?.map((f) => f.kind)).toEqual(['code_word_set']);
    expect(overview.consents).toEqual([
      { purpose: 'processing', standing: 'consent' },
      { purpose: 'partner_sharing', standing: 'missing' },
      { purpose: 'funder_statistics', standing: 'missing' },
      { purpose: 'photos', standing: 'withdrawn' },
    ]);
    expect(overview.enrolments).toEqual([
      expect.objectContaining({
        cohortId: group.cohortId,
        endDate: null,
        mode: 'group',
        figures: expect.objectContaining({ counted: 4, attended: 3, rate: 75 }),
      }),
    ]);
    expect(overview.nextSession).toMatchObject({ sessionId: group.sessionIds[5], date: '2026-12-01', startTime: '09:00' });
    expect(overview.followUps).toEqual({
      lines: [
        {
          noteId: expect.any(String),
          task: 'Soita työnantajalle',
          due: '2026-11-20',
          overdue: true,
          ownerName: 'Kalle Ohjaaja',
          mine: true,
        },
        {
          noteId: expect.any(String),
          task: 'Varaa tulkki',
          due: '2026-12-04',
          overdue: false,
          ownerName: 'Aino Koordinaattori',
          mine: false,
        },
      ],
      total: 2,
    });
    expect(overview.latestNote).toMatchObject({ id: latest, date: '2026-11-25', type: 'phone_call', more: true });
    expect(overview.latestNote?.preview).toMatch(/^Viimeisin tapaaminen\. Pitkä/);
    expect(overview.latestNote?.preview.length).toBe(240);
    expect(overview.drafts).toHaveLength(1);
  });

  it('shows the psychologist the file and its notes but no drafts, as they write none', async () => {
    const { v, leila } = await leilasFile();
    await v.as('psychologist');
    const overview = await v.t.ok('overview.participant', { participantId: leila });
    expect(overview.flags).toHaveLength(1);
    expect(overview.followUps?.total).toBe(2);
    expect(overview.latestNote).not.toBeNull();
    expect(overview.drafts).toBeNull();
  });

  it('keeps the drafts of one member of staff from another', async () => {
    const { v, leila } = await leilasFile();
    await v.as('coordinator');
    expect((await v.t.ok('overview.participant', { participantId: leila })).drafts).toEqual([]);
  });

  it('gives a teacher only the group, its attendance and the next session: no flags, consents or notes', async () => {
    const { v, leila, group } = await leilasFile();
    await v.as('teacher');
    const overview = await v.t.ok('overview.participant', { participantId: leila });
    expect(overview).toMatchObject({ flags: null, consents: null, followUps: null, latestNote: null, drafts: null });
    expect(overview.enrolments.map((e) => [e.cohortId, e.figures?.rate])).toEqual([[group.cohortId, 75]]);
    expect(overview.nextSession?.sessionId).toBe(group.sessionIds[5]);
    expect(JSON.stringify(overview)).not.toMatch(/Soita|Viimeisin|Kesken|code_word/);
  });

  it('answers not found for a participant that does not exist', async () => {
    const { v } = await leilasFile();
    expect(await v.t.call('overview.participant', { participantId: '0123456789abcdef0123456789abcdef' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
