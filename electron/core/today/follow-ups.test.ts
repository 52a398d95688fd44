import { afterEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/api';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/**
 * The manual clock stands at Saturday 2026-11-28. Each participant left their group on `exit` (six months later is
 * their follow-up's day); `again` puts them in a group once more, `followedUp` records their follow-up.
 */
async function office() {
  const v = await staffedVault();
  vaults.push(v);
  await v.as('caseworker');
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Vuosi 2026', startDate: '2026-01-05', lengthWeeks: 52 });
  const person = async (firstName: string, o: { mine: boolean; exit: string; again?: boolean; followedUp?: boolean }) => {
    const { participant } = await v.t.ok('participants.create', {
      firstName,
      lastName: 'Marker',
      responsibleCaseworkerId: o.mine ? v.caseworkerId : null,
      confirmDuplicate: true,
    });
    const participantId = participant.id;
    await v.t.ok('consents.record', { participantId, purpose: 'processing', givenOn: '2026-01-02', method: 'signed' });
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId, cohortId: cohort.id, startDate: '2026-01-05' });
    await v.t.ok('cohorts.endEnrolment', { id: enrolment.id, endDate: o.exit, outcome: 'completed' });
    if (o.again) await v.t.ok('cohorts.enrol', { participantId, cohortId: cohort.id, startDate: '2026-09-01' });
    if (o.followedUp)
      await v.t.ok('participation.recordFollowUp', { participantId, checkedOn: '2026-11-20', outcome: 'not_reached' });
    return { id: participantId, pseudonym: participant.pseudonym };
  };
  return {
    v,
    // Due tomorrow, within the fortnight's notice.
    amal: await person('Amal', { mine: true, exit: '2026-05-29' }),
    // Due on 10.11., overdue; someone else's.
    basma: await person('Basma', { mine: false, exit: '2026-05-10' }),
    // Due on 20.12.: not yet.
    chen: await person('Chen', { mine: true, exit: '2026-06-20' }),
    // Followed up already.
    dana: await person('Dana', { mine: true, exit: '2026-05-10', followedUp: true }),
    // Due on 5.7., more than 90 days ago: left to be reported as unknown.
    elif: await person('Elif', { mine: true, exit: '2026-01-30' }),
    // Back in a group: no exit, no follow-up.
    fatima: await person('Fatima', { mine: true, exit: '2026-05-10', again: true }),
  };
}

type Page = OutputOf<'today.get'>;
const lines = (page: Page) => page.sixMonthFollowUps?.lines.map((l) => [l.pseudonym, l.due, l.overdue, l.mine]);

describe('six-month follow-ups on the Today page', () => {
  it('lists a caseworker’s own participants whose follow-up comes due within a fortnight or is past, not recorded', async () => {
    const { v, amal } = await office();
    const page = await v.t.ok('today.get', {});
    expect(lines(page)).toEqual([[amal.pseudonym, '2026-11-29', false, true]]);
    expect(page.sixMonthFollowUps?.total).toBe(1);
    expect(page.sixMonthFollowUps?.lines[0]).toMatchObject({ participantId: amal.id, displayName: 'Amal Marker' });
  });

  it('lists everyone’s for the coordinator, and none for a psychologist or a teacher', async () => {
    const { v, amal, basma } = await office();
    await v.as('coordinator');
    expect(lines(await v.t.ok('today.get', {}))).toEqual([
      [basma.pseudonym, '2026-11-10', true, false],
      [amal.pseudonym, '2026-11-29', false, false],
    ]);
    await v.as('psychologist');
    expect((await v.t.ok('today.get', {})).sixMonthFollowUps).toBeNull();
    await v.as('teacher');
    expect((await v.t.ok('today.get', {})).sixMonthFollowUps).toBeNull();
  });

  it('drops a follow-up once it is recorded', async () => {
    const { v, amal } = await office();
    await v.t.ok('participation.recordFollowUp', {
      participantId: amal.id,
      checkedOn: '2026-11-28',
      outcome: 'reached',
      employed: false,
      improved: true,
    });
    expect(lines(await v.t.ok('today.get', {}))).toEqual([]);
  });
});
