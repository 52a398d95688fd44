import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { bundles, lookup } from '@shared/i18n/bundles';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';

const vaults: StaffedVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/**
 * The test clock stands at 2026-11-28. A caseworker's participant, born in 1996, with consent to processing, in
 * two groups: spring (from 2.3.) and autumn (from 31.8.); `exit` ends the autumn one on 30.9.
 */
async function office() {
  const v = await staffedVault();
  vaults.push(v);
  await v.as('caseworker');
  const { cohort: spring } = await v.t.ok('cohorts.create', { name: 'Kevät 2026', startDate: '2026-03-02', lengthWeeks: 10 });
  const { cohort: autumn } = await v.t.ok('cohorts.create', { name: 'Syksy 2026', startDate: '2026-08-31', lengthWeeks: 10 });
  const { participant } = await v.t.ok('participants.create', {
    firstName: 'Amal',
    birthYear: 1996,
    educationIsced: 'isced_3_4',
    labourMarketStatusAtEntry: 'long_term_unemployed',
    responsibleCaseworkerId: v.caseworkerId,
    referralDate: '2026-02-01',
    confirmDuplicate: true,
  });
  const id = participant.id;
  const consent = await v.t.ok('consents.record', {
    participantId: id,
    purpose: 'processing',
    givenOn: '2026-02-01',
    method: 'signed',
  });
  const first = await v.t.ok('cohorts.enrol', { participantId: id, cohortId: spring.id, startDate: '2026-03-02' });
  await v.t.ok('cohorts.endEnrolment', {
    id: first.enrolment.id,
    endDate: '2026-05-08',
    outcome: 'discontinued',
    reason: 'Tauko',
  });
  const second = await v.t.ok('cohorts.enrol', { participantId: id, cohortId: autumn.id, startDate: '2026-08-31' });
  return {
    v,
    id,
    consentId: consent.id,
    exit: () => v.t.ok('cohorts.endEnrolment', { id: second.enrolment.id, endDate: '2026-09-30', outcome: 'completed' }),
  };
}

const exitInput = (participantId: string, overrides: Partial<InputOf<'participation.recordExit'>> = {}) => ({
  participantId,
  checkedOn: '2026-10-02',
  jobSearching: true,
  inEducation: false,
  qualification: true,
  employed: false,
  ...overrides,
});

/** The refusal's sentence by field, in Finnish, as the form shows it. */
async function refusal<C extends 'participation.recordExit' | 'participation.recordFollowUp'>(
  v: StaffedVault,
  channel: C,
  input: InputOf<C>,
): Promise<Record<string, string | undefined>> {
  const result = await v.t.call(channel, input);
  expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
  const issues = result.ok ? [] : (result.details?.issues ?? []);
  return Object.fromEntries(issues.map((issue) => [issue.path, lookup(bundles.fi, issue.i18nKey)]));
}

describe('a participation', () => {
  it('enters with the first enrolment and exits with the last once none is open, with the intake as counted at entry', async () => {
    const { v, id, exit } = await office();
    const open = (await v.t.ok('participation.get', { participantId: id })).participation;
    expect(open).toMatchObject({
      entryDate: '2026-03-02',
      // The autumn group is still open: no exit, however the spring one ended.
      exitDate: null,
      followUpDue: null,
      // Born in 1996: 29 or 30 on 2.3.2026, so the class cannot be told.
      entry: { labourMarketStatus: 'long_term_unemployed', ageClass: 'unknown', education: 'isced_3_4' },
      exit: null,
      followUp: null,
      updatedAt: null,
    });
    await exit();
    expect((await v.t.ok('participation.get', { participantId: id })).participation).toMatchObject({
      entryDate: '2026-03-02',
      exitDate: '2026-09-30',
      followUpDue: '2027-03-30',
    });
  });

  it('records the situation at exit and the follow-up, each kept when the other changes, audited without answers', async () => {
    const { v, id, exit } = await office();
    await exit();
    const { participation } = await v.t.ok('participation.recordExit', exitInput(id));
    expect(participation.exit).toEqual({
      checkedOn: '2026-10-02',
      jobSearching: true,
      inEducation: false,
      qualification: true,
      employed: false,
    });
    expect(participation.updatedByName).toBe('Kalle Ohjaaja');
    const reached = await v.t.ok('participation.recordFollowUp', {
      participantId: id,
      checkedOn: '2026-11-27',
      outcome: 'reached',
      employed: true,
      improved: true,
    });
    expect(reached.participation.exit?.qualification).toBe(true);
    expect(reached.participation.followUp).toEqual({
      checkedOn: '2026-11-27',
      outcome: 'reached',
      employed: true,
      improved: true,
    });
    // Corrected: could not be reached after all; its answers go with it.
    const notReached = await v.t.ok('participation.recordFollowUp', {
      participantId: id,
      checkedOn: '2026-11-28',
      outcome: 'not_reached',
    });
    expect(notReached.participation.followUp).toEqual({ checkedOn: '2026-11-28', outcome: 'not_reached' });

    const db = await openVaultDb(v.t);
    dbs.push(db);
    const audit = db
      .prepare(`SELECT action, entity_id, detail FROM audit_log WHERE action LIKE 'participation.%' ORDER BY id`)
      .all();
    expect(audit).toEqual([
      { action: 'participation.recordExit', entity_id: id, detail: null },
      { action: 'participation.recordFollowUp', entity_id: id, detail: null },
      { action: 'participation.recordFollowUp', entity_id: id, detail: null },
    ]);
  });

  it('takes a wrong entry away whole, and the row with the last of it', async () => {
    const { v, id, exit } = await office();
    await exit();
    await v.t.ok('participation.recordExit', exitInput(id));
    await v.t.ok('participation.recordFollowUp', { participantId: id, checkedOn: '2026-11-27', outcome: 'not_reached' });
    const cleared = await v.t.ok('participation.clear', { participantId: id, part: 'exit' });
    expect(cleared.participation).toMatchObject({ exit: null, followUp: { outcome: 'not_reached' } });
    const empty = await v.t.ok('participation.clear', { participantId: id, part: 'followUp' });
    expect(empty.participation).toMatchObject({ exit: null, followUp: null, updatedAt: null });
    const db = await openVaultDb(v.t);
    dbs.push(db);
    expect(db.prepare('SELECT count(*) AS n FROM participation_results').get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'participation.clear%' ORDER BY id`).all()).toEqual([
      { action: 'participation.clearExit' },
      { action: 'participation.clearFollowUp' },
    ]);
  });

  it('refuses looking for work and in work at once: the funder counts the latest situation of the four weeks', async () => {
    const { v, id } = await office();
    expect(await refusal(v, 'participation.recordExit', exitInput(id, { jobSearching: true, employed: true }))).toEqual({
      employed: 'Valitse joko ”Hakee työtä” tai ”On töissä”: rahoittaja laskee neljän viikon ajalta vain viimeisimmän tilanteen.',
    });
    expect((await v.t.ok('participation.get', { participantId: id })).participation.exit).toBeNull();
  });

  it('refuses days in the future, before the entry, a follow-up before the exit or while still in a group, with a sentence under the date', async () => {
    const { v, id, exit } = await office();
    expect(await refusal(v, 'participation.recordExit', exitInput(id, { checkedOn: '2026-11-29' }))).toEqual({
      checkedOn: 'Päivä ei voi olla tulevaisuudessa.',
    });
    expect(await refusal(v, 'participation.recordExit', exitInput(id, { checkedOn: '2026-03-01' }))).toEqual({
      checkedOn: 'Päivä ei voi olla ennen kuin osallistuja aloitti ryhmässä.',
    });
    const followUp = { participantId: id, checkedOn: '2026-09-29', outcome: 'not_reached' } as const;
    expect(await refusal(v, 'participation.recordFollowUp', followUp)).toEqual({
      checkedOn: 'Osallistuja on vielä ryhmässä. Seurannan voi kirjata, kun hän on lopettanut.',
    });
    await exit();
    expect(await refusal(v, 'participation.recordFollowUp', followUp)).toEqual({
      checkedOn: 'Seurannan päivä ei voi olla ennen kuin osallistuja lopetti ryhmässä.',
    });
    // Answers of a reached participant are all or nothing, by the channel's own schema.
    const half = await v.t.call('participation.recordFollowUp', {
      participantId: id,
      checkedOn: '2026-11-27',
      outcome: 'reached',
      employed: true,
    } as unknown as InputOf<'participation.recordFollowUp'>);
    expect(half).toMatchObject({ ok: false, code: 'invalid_input' });
    expect((await v.t.ok('participation.get', { participantId: id })).participation.followUp).toBeNull();
  });

  it('refuses a participant never in a group, and one whose consent to processing is withdrawn', async () => {
    const { v, id, consentId, exit } = await office();
    const { participant } = await v.t.ok('participants.create', { firstName: 'Basma', confirmDuplicate: true });
    expect(await refusal(v, 'participation.recordExit', exitInput(participant.id))).toEqual({
      checkedOn: 'Osallistuja ei ole vielä ollut ryhmässä. Tilanteen voi kirjata, kun hän on aloittanut.',
    });
    await exit();
    await v.t.ok('consents.withdraw', { id: consentId, withdrawnOn: '2026-10-01' });
    expect(await v.t.call('participation.recordExit', exitInput(id))).toMatchObject({ ok: false, code: 'consent_required' });
    // Taking a wrong entry away needs no consent.
    expect((await v.t.ok('participation.clear', { participantId: id, part: 'exit' })).participation.exit).toBeNull();
  });

  it('is read by a psychologist but changed only by those who change files', async () => {
    const { v, id, exit } = await office();
    await exit();
    await v.t.ok('participation.recordExit', exitInput(id));
    await v.as('psychologist');
    expect((await v.t.ok('participation.get', { participantId: id })).participation.exit?.jobSearching).toBe(true);
    expect(await v.t.call('participation.recordExit', exitInput(id))).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('teacher');
    expect(await v.t.call('participation.get', { participantId: id })).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('coordinator');
    const { participation } = await v.t.ok('participation.clear', { participantId: id, part: 'exit' });
    expect(participation.exit).toBeNull();
  });
});
