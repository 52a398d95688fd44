import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { PLAN_GOALS_MAX, savePlanInput } from '@shared/plans';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { notesVault, TODAY, type NotesVault } from '../notes/testing/vault';
import { referralVault } from '../referrals/testing/vault';
import { addConsentingParticipant } from '../../../tests/support/participants';
import { samplePlanGoals } from './testing/plan';

const vaults: NotesVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<NotesVault> {
  const v = await notesVault();
  vaults.push(v);
  return v;
}

const NOBODY = '0123456789abcdef0123456789abcdef';
const HOUR = 3_600_000;

const save = (v: NotesVault, input: Omit<InputOf<'plans.save'>, 'participantId'>) =>
  v.t.call('plans.save', { participantId: v.participantId, ...input });

describe('a career and study plan', () => {
  it('is saved whole as version 1, with ids for every goal and step, and read back as the plan in force', async () => {
    const v = await vault();
    expect(await v.t.ok('plans.get', { participantId: v.participantId })).toEqual({ plan: null });
    const { plan, changed } = await v.t.ok('plans.save', {
      participantId: v.participantId,
      baseVersion: null,
      goals: samplePlanGoals(),
    });
    expect(changed).toBe(true);
    expect(plan).toMatchObject({
      participantId: v.participantId,
      version: 1,
      savedAt: '2026-11-28T09:00:00.000Z',
      savedBy: v.caseworkerId,
      savedByName: 'Kalle Ohjaaja',
      createdByName: 'Kalle Ohjaaja',
    });
    expect(plan.goals.map((g) => [g.kind, g.targetDate, g.why])).toEqual([
      ['vocationalQualification', '2027-12-31', 'Haluan auttaa ihmisiä. PLAN-MARKER'],
      ['languageLevel', null, null],
    ]);
    expect(plan.goals[1]!.steps).toEqual([
      expect.objectContaining({ what: 'Kielikurssi PLAN-MARKER', owner: 'partner', status: 'done', droppedReason: null }),
      expect.objectContaining({ status: 'dropped', droppedReason: 'Ei vielä PLAN-MARKER', due: null, referralId: null }),
    ]);
    for (const id of [...plan.goals.map((g) => g.id), ...plan.goals.flatMap((g) => g.steps.map((s) => s.id))])
      expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await v.t.ok('plans.get', { participantId: v.participantId })).toEqual({ plan });
  });

  it('keeps every earlier version: a step done is a new version, and the earlier one is still readable', async () => {
    const v = await vault();
    const first = (await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: null, goals: samplePlanGoals() }))
      .plan;
    v.t.clock.advance(26 * HOUR);
    await v.as('caseworker'); // the idle lock closed the vault overnight
    const goals = first.goals.map((g) => ({ ...g, steps: g.steps.map((s) => ({ ...s })) }));
    goals[0]!.steps[0]!.status = 'done';
    const second = await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: 1, goals });
    expect(second.changed).toBe(true);
    expect(second.plan.version).toBe(2);
    expect(second.plan.goals[0]!.steps[0]).toEqual({ ...first.goals[0]!.steps[0], status: 'done' });

    const { versions } = await v.t.ok('plans.versions', { participantId: v.participantId });
    expect(versions).toEqual([
      {
        version: 2,
        savedAt: '2026-11-29T11:00:00.000Z',
        savedBy: v.caseworkerId,
        savedByName: 'Kalle Ohjaaja',
        goals: 2,
        steps: 4,
      },
      {
        version: 1,
        savedAt: '2026-11-28T09:00:00.000Z',
        savedBy: v.caseworkerId,
        savedByName: 'Kalle Ohjaaja',
        goals: 2,
        steps: 4,
      },
    ]);
    expect((await v.t.ok('plans.version', { participantId: v.participantId, version: 1 })).plan).toEqual(first);
    // In force at the end of a day: the first version on the day it was made, the second from the next day on.
    expect((await v.t.ok('plans.version', { participantId: v.participantId, at: TODAY })).plan?.version).toBe(1);
    expect((await v.t.ok('plans.version', { participantId: v.participantId, at: '2026-11-30' })).plan?.version).toBe(2);
    expect((await v.t.ok('plans.version', { participantId: v.participantId, at: '2026-11-27' })).plan).toBeNull();
    expect((await v.t.ok('plans.version', { participantId: v.participantId, version: 3 })).plan).toBeNull();
  });

  it('refuses a save based on a version that is no longer in force, with its sentence, and writes nothing', async () => {
    const v = await vault();
    await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: null, goals: samplePlanGoals() });
    for (const baseVersion of [null, 2]) {
      expect(await save(v, { baseVersion, goals: [] })).toMatchObject({
        ok: false,
        code: 'invalid_input',
        details: { issues: [{ path: 'baseVersion', i18nKey: 'plans.errors.stale' }] },
      });
    }
    expect((await v.t.ok('plans.get', { participantId: v.participantId })).plan?.goals).toHaveLength(2);
    expect((await v.t.ok('plans.versions', { participantId: v.participantId })).versions).toHaveLength(1);
  });

  it('adds no version and no audit record when nothing changed', async () => {
    const v = await vault();
    const { plan } = await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: null, goals: samplePlanGoals() });
    const again = await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: 1, goals: plan.goals });
    expect(again).toEqual({ plan, changed: false });
    const db = await openVaultDb(v.t);
    dbs.push(db);
    expect(db.prepare(`SELECT action, entity_id AS entityId, detail FROM audit_log WHERE action LIKE 'plans.%'`).all()).toEqual([
      { action: 'plans.save', entityId: v.participantId, detail: `plan:${plan.id}` },
    ]);
  });

  it('refuses dates outside 2000–2099, ids that are not the plan’s, and a dropped step without its reason', async () => {
    const v = await vault();
    expect(
      await save(v, {
        baseVersion: null,
        goals: [
          {
            kind: 'job',
            target: 'Varasto',
            targetDate: '2199-01-01',
            steps: [{ what: 'x', owner: 'participant', due: '1999-12-31' }],
          },
        ],
      }),
    ).toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [
          { path: 'goals.0.targetDate', i18nKey: 'plans.errors.dateOutOfRange' },
          { path: 'goals.0.steps.0.due', i18nKey: 'plans.errors.dateOutOfRange' },
        ],
      },
    });
    expect(await save(v, { baseVersion: null, goals: [{ id: NOBODY, kind: 'job', target: 'Varasto' }] })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'goals.0', i18nKey: 'plans.errors.unknownItem' }] },
    });
    const dropped = savePlanInput.safeParse({
      participantId: v.participantId,
      baseVersion: null,
      goals: [{ kind: 'job', target: 'Varasto', steps: [{ what: 'x', owner: 'participant', status: 'dropped' }] }],
    });
    expect(dropped.error?.issues).toMatchObject([
      { path: ['goals', 0, 'steps', 0, 'droppedReason'], message: 'reason_required' },
    ]);
    const tooMany = Array.from({ length: PLAN_GOALS_MAX + 1 }, () => ({ kind: 'other' as const, target: 'x' }));
    expect(await save(v, { baseVersion: null, goals: tooMany })).toMatchObject({ code: 'invalid_input' });
    expect(await save(v, { baseVersion: null, goals: [{ kind: 'job', target: 'a\u0000b' }] })).toMatchObject({
      code: 'invalid_input',
    });
    expect((await v.t.ok('plans.get', { participantId: v.participantId })).plan).toBeNull();
  });

  it('links a step to a referral of the same participant, and refuses another participant’s with its sentence', async () => {
    const v = await referralVault();
    try {
      const { referral } = await v.t.ok('referrals.create', v.draft());
      const otherId = await addConsentingParticipant(v);
      const { referral: others } = await v.t.ok('referrals.create', v.draft({ participantId: otherId }));
      const goals = (referralId: string) => [
        {
          kind: 'job' as const,
          target: 'Varastotyö',
          steps: [{ what: 'Ilmoittaudu työnhakijaksi', owner: 'participant' as const, referralId }],
        },
      ];
      expect(
        await v.t.call('plans.save', { participantId: v.participantId, baseVersion: null, goals: goals(others.id) }),
      ).toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'goals.0.steps.0.referralId', i18nKey: 'plans.errors.referralNotOfParticipant' }] },
      });
      expect(
        await v.t.call('plans.save', { participantId: v.participantId, baseVersion: null, goals: goals(NOBODY) }),
      ).toMatchObject({
        code: 'invalid_input',
      });
      expect((await v.t.ok('plans.get', { participantId: v.participantId })).plan).toBeNull();
      const { plan } = await v.t.ok('plans.save', {
        participantId: v.participantId,
        baseVersion: null,
        goals: goals(referral.id),
      });
      expect(plan.goals[0]!.steps[0]!.referralId).toBe(referral.id);
    } finally {
      v.t.cleanup();
    }
  });

  it('keeps no reason for a step that is not dropped', async () => {
    const v = await vault();
    const { plan } = await v.t.ok('plans.save', {
      participantId: v.participantId,
      baseVersion: null,
      goals: [{ kind: 'job', target: 'Varasto', steps: [{ what: 'x', owner: 'participant', droppedReason: 'unused' }] }],
    });
    expect(plan.goals[0]!.steps[0]!.droppedReason).toBeNull();
  });

  it('needs consent to processing to save, and a participant that exists', async () => {
    const v = await vault();
    const without = await v.addParticipant(false);
    expect(await v.t.call('plans.save', { participantId: without, baseVersion: null, goals: [] })).toMatchObject({
      code: 'consent_required',
    });
    expect(await v.t.call('plans.get', { participantId: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('plans.save', { participantId: NOBODY, baseVersion: null, goals: [] })).toMatchObject({
      code: 'not_found',
    });
  });

  it('is read by a psychologist, written by the coordinator, and nothing of it reaches a teacher', async () => {
    const v = await vault();
    await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: null, goals: samplePlanGoals() });
    await v.as('psychologist');
    expect((await v.t.ok('plans.get', { participantId: v.participantId })).plan?.goals).toHaveLength(2);
    expect(await save(v, { baseVersion: 1, goals: [] })).toMatchObject({ code: 'forbidden' });
    await v.as('coordinator');
    expect((await save(v, { baseVersion: 1, goals: [] })).ok).toBe(true);
    await v.as('teacher');
    for (const channel of ['plans.get', 'plans.versions'] as const)
      expect(await v.t.call(channel, { participantId: v.participantId })).toMatchObject({ code: 'forbidden' });
  });

  it('puts each saved version on the timeline, with no goal or step text, for those who may read plans', async () => {
    const v = await vault();
    const { plan } = await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: null, goals: samplePlanGoals() });
    v.t.clock.advance(60_000);
    await v.as('coordinator');
    await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: 1, goals: plan.goals.slice(1) });
    await v.t.ok('plans.save', { participantId: v.participantId, baseVersion: 2, goals: plan.goals.slice(1) });
    const saves = async () =>
      (await v.t.ok('timeline.participant', { participantId: v.participantId })).items.filter((i) => i.kind === 'plan_saved');
    const items = await saves();
    expect(items).toEqual([
      { kind: 'plan_saved', id: plan.id, at: '2026-11-28T09:01:00.000Z', byName: 'Aino Koordinaattori', label: '2', text: null },
      { kind: 'plan_saved', id: plan.id, at: '2026-11-28T09:00:00.000Z', byName: 'Kalle Ohjaaja', label: '1', text: null },
    ]);
    expect(JSON.stringify(items)).not.toContain('PLAN-MARKER');
    await v.as('psychologist');
    expect(await saves()).toHaveLength(2);
  });
});
