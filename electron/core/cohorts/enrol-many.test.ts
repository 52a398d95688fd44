import { afterEach, describe, expect, it } from 'vitest';
import { defaultEnrolmentStart } from '@shared/cohorts';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** A caseworker unlocked; Leila and Amal with the processing consent, Sami without; one cohort. */
async function programme() {
  const v = await staffedVault();
  vaults.push(v);
  const ids: Record<string, { id: string; pseudonym: string }> = {};
  for (const firstName of ['Leila', 'Amal', 'Sami']) {
    const { participant } = await v.t.ok('participants.create', { ...LEILA, firstName, phone: null, birthYear: null });
    if (firstName !== 'Sami')
      await v.t.ok('consents.record', {
        participantId: participant.id,
        purpose: 'processing',
        givenOn: '2026-11-01',
        method: 'signed',
      });
    ids[firstName] = { id: participant.id, pseudonym: participant.pseudonym };
  }
  const spring = (await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-01-11' })).cohort;
  return { v, leila: ids.Leila!, amal: ids.Amal!, sami: ids.Sami!, spring };
}

describe('enrolling several participants from the cohort’s page', () => {
  it('offers those in no cohort, with whether they have the consent enrolment needs', async () => {
    const { v, leila, amal, sami, spring } = await programme();
    const candidates = await v.t.ok('cohorts.enrolCandidates', { cohortId: spring.id });
    expect(candidates.map((c) => [c.participantId, c.consent])).toEqual([
      [leila.id, true],
      [amal.id, true],
      [sami.id, false],
    ]);
    expect(candidates[0]!.displayName).toContain('Leila');
    await v.t.ok('cohorts.enrol', { participantId: leila.id, cohortId: spring.id, startDate: '2027-01-11' });
    expect((await v.t.ok('cohorts.enrolCandidates', { cohortId: spring.id })).map((c) => c.participantId)).toEqual([
      amal.id,
      sami.id,
    ]);
  });

  it('enrols all of them in one go with one start date, each audited under the participant', async () => {
    const { v, leila, amal, spring } = await programme();
    const { enrolments } = await v.t.ok('cohorts.enrolMany', {
      cohortId: spring.id,
      participantIds: [leila.id, amal.id, leila.id],
      startDate: '2027-01-11',
    });
    expect(enrolments.map((e) => [e.participantId, e.cohortName, e.startDate, e.mode])).toEqual([
      [leila.id, 'Kevät 2027', '2027-01-11', 'group'],
      [amal.id, 'Kevät 2027', '2027-01-11', 'group'],
    ]);
    expect((await v.t.ok('cohorts.members', { id: spring.id })).map((m) => m.participantId).sort()).toEqual(
      [leila.id, amal.id].sort(),
    );
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { entity: 'participant', entityId: amal.id });
    expect(entries.filter((e) => e.action === 'cohorts.enrol').map((e) => e.detail)).toEqual([`enrolment:${enrolments[1]!.id}`]);
    const { entries: cohortEntries } = await v.t.ok('audit.list', { entity: 'cohort', entityId: spring.id });
    expect(cohortEntries.filter((e) => e.action === 'cohorts.enrolMany').map((e) => e.detail)).toEqual(['enrolments:2']);
  });

  it('refuses the whole when one cannot be enrolled, naming every refusal by code, and saves nothing', async () => {
    const { v, leila, amal, sami, spring } = await programme();
    const autumn = (await v.t.ok('cohorts.create', { name: 'Syksy 2027', startDate: '2027-08-16' })).cohort;
    await v.t.ok('cohorts.enrol', { participantId: amal.id, cohortId: autumn.id, startDate: '2027-08-16' });
    const refused = await v.t.call('cohorts.enrolMany', {
      cohortId: spring.id,
      participantIds: [leila.id, amal.id, sami.id],
      startDate: '2027-01-11',
    });
    expect(refused).toMatchObject({
      ok: false,
      code: 'invalid_input',
      details: {
        issues: [
          { path: 'participantIds', i18nKey: 'programme.enrol.problems.alreadyEnrolled', values: { code: amal.pseudonym } },
          { path: 'participantIds', i18nKey: 'programme.enrol.problems.noConsent', values: { code: sami.pseudonym } },
        ],
      },
    });
    expect(JSON.stringify(refused)).not.toMatch(/Leila|Amal|Sami/);
    expect(await v.t.ok('cohorts.members', { id: spring.id })).toEqual([]);
    expect(
      await v.t.call('cohorts.enrolMany', { cohortId: spring.id, participantIds: [], startDate: '2027-01-11' }),
    ).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('is for those who may change files: a teacher and a psychologist are refused', async () => {
    const { v, leila, spring } = await programme();
    for (const who of ['teacher', 'psychologist'] as const) {
      await v.as(who);
      const input = { cohortId: spring.id, participantIds: [leila.id], startDate: '2027-01-11' };
      expect(await v.t.call('cohorts.enrolMany', input)).toMatchObject({ code: 'forbidden' });
      expect(await v.t.call('cohorts.enrolCandidates', { cohortId: spring.id })).toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('the start an enrolment is offered with', () => {
  it('is the group’s start before the group has started, and today once it has', () => {
    expect(defaultEnrolmentStart('2027-01-11', '2026-12-05')).toBe('2027-01-11');
    expect(defaultEnrolmentStart('2027-01-11', '2027-01-11')).toBe('2027-01-11');
    expect(defaultEnrolmentStart('2027-01-11', '2027-02-03')).toBe('2027-02-03');
  });
});
