import { afterEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/api';
import { sampleAnswers } from '../assessments/testing/vault';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/**
 * The manual clock stands at Saturday 2026-11-28. Individual guidance started on Monday 2.11. has its intake due by
 * the end of its second week, Sunday 15.11. (overdue now); started on 26.10., its mid-point by Sunday 29.11. (due
 * this week). A group meeting from Monday 30.11. has its intake due on Friday 4.12. (due).
 */
async function office() {
  const v = await staffedVault();
  vaults.push(v);
  await v.as('caseworker');
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Talvi 2026', startDate: '2026-11-30', lengthWeeks: 10 });
  const person = async (firstName: string, mine: boolean, start: string, mode: 'group' | 'individual') => {
    const { participant } = await v.t.ok('participants.create', {
      firstName,
      lastName: 'Marker',
      referralDate: '2026-10-01',
      responsibleCaseworkerId: mine ? v.caseworkerId : null,
      confirmDuplicate: true,
    });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-10-01',
      method: 'signed',
    });
    await v.t.ok('cohorts.enrol', { participantId: participant.id, cohortId: cohort.id, startDate: start, mode });
    return { id: participant.id, pseudonym: participant.pseudonym };
  };
  const amal = await person('Amal', true, '2026-11-02', 'individual');
  const basma = await person('Basma', false, '2026-10-26', 'individual');
  await v.t.ok('assessments.save', {
    participantId: basma.id,
    stage: 'intake',
    date: '2026-10-30',
    version: 1,
    answers: sampleAnswers(),
  });
  const chen = await person('Chen', false, '2026-11-30', 'group');
  const dana = await person('Dana', true, '2026-11-30', 'group');
  const fatima = await person('Fatima', false, '2026-11-02', 'individual');
  const closed = await person('Elif', true, '2026-11-02', 'individual');
  await v.t.ok('participants.setStatus', { id: closed.id, status: 'discontinued', reason: 'Muutti pois.' });
  await v.t.ok('participants.setStatus', { id: closed.id, status: 'closed' });
  return { v, amal, basma, chen, dana, fatima, closed };
}

type Page = OutputOf<'today.get'>;
const lines = (page: Page) => page.assessments?.lines.map((l) => [l.pseudonym, l.stage, l.due, l.overdue, l.mine]);

describe('assessments on the Today page', () => {
  it('lists the stages due this week and overdue, the caseworker’s own participants first, overdue before due, never a closed file', async () => {
    const { v, amal, basma, chen, dana, fatima } = await office();
    const page = await v.t.ok('today.get', {});
    expect(lines(page)).toEqual([
      [amal.pseudonym, 'intake', '2026-11-15', true, true],
      [dana.pseudonym, 'intake', '2026-12-04', false, true],
      [fatima.pseudonym, 'intake', '2026-11-15', true, false],
      // Basma's intake is recorded: only her mid-point is asked for.
      [basma.pseudonym, 'midpoint', '2026-11-29', false, false],
      [chen.pseudonym, 'intake', '2026-12-04', false, false],
    ]);
    expect(page.assessments?.total).toBe(5);
    expect(page.assessments?.lines[0]).toMatchObject({ participantId: amal.id, displayName: 'Amal Marker' });
  });

  it('is read by a psychologist, none of the participants their own, and never by a teacher', async () => {
    const { v, amal, fatima } = await office();
    await v.as('psychologist');
    const page = await v.t.ok('today.get', {});
    expect(lines(page)?.slice(0, 2)).toEqual([
      [amal.pseudonym, 'intake', '2026-11-15', true, false],
      [fatima.pseudonym, 'intake', '2026-11-15', true, false],
    ]);
    expect(page.assessments?.total).toBe(5);
    await v.as('teacher');
    const teachers = await v.t.ok('today.get', {});
    expect(teachers.assessments).toBeNull();
    expect(JSON.stringify(teachers)).not.toMatch(/Marker|P-20/);
  });

  it('leaves a stage off once it is recorded', async () => {
    const { v, amal } = await office();
    await v.t.ok('assessments.save', {
      participantId: amal.id,
      stage: 'intake',
      date: '2026-11-27',
      version: 1,
      answers: sampleAnswers(),
    });
    const page = await v.t.ok('today.get', {});
    expect(page.assessments?.lines.map((l) => l.participantId)).not.toContain(amal.id);
    expect(page.assessments?.total).toBe(4);
  });
});
