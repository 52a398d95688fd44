import { randomBytes } from 'node:crypto';
import { dayOf } from '@shared/days';
import { AppError, type FieldIssue } from '@shared/errors';
import { PLAN_DATE_MAX, PLAN_DATE_MIN, type GoalInput, type Plan, type PlanGoal } from '@shared/plans';
import { requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import { get, sql } from '../db/sql';
import type { HandlerGroup } from '../handler';
import { planPrintHandlers } from './print-handlers';
import { findPlan, findPlanVersion, insertPlan, listPlanVersions, replacePlan, type GoalsToStore } from './repo';

const newId = () => randomBytes(16).toString('hex');

function requireParticipant(db: Db, participantId: string): void {
  if (!get(db, sql`SELECT 1 FROM participants WHERE id = ${participantId}`)) throw new AppError('not_found');
}

const outOfRange = (day: string | null) => day !== null && (day < PLAN_DATE_MIN || day > PLAN_DATE_MAX);

/** Target and due dates within PLAN_DATE_MIN..PLAN_DATE_MAX; each one outside is named on its own field. */
function assertDates(goals: GoalInput[]): void {
  const issues: FieldIssue[] = [];
  goals.forEach((goal, g) => {
    if (outOfRange(goal.targetDate)) issues.push({ path: `goals.${g}.targetDate`, i18nKey: 'plans.errors.dateOutOfRange' });
    goal.steps.forEach((step, s) => {
      if (outOfRange(step.due)) issues.push({ path: `goals.${g}.steps.${s}.due`, i18nKey: 'plans.errors.dateOutOfRange' });
    });
  });
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

/** Each step's referral, when it names one, must be one of this participant's (never another's). */
function assertReferrals(db: Db, participantId: string, goals: GoalInput[]): void {
  const issues: FieldIssue[] = [];
  goals.forEach((goal, g) => {
    goal.steps.forEach((step, s) => {
      if (step.referralId === null) return;
      const own = get(db, sql`SELECT 1 FROM referrals WHERE id = ${step.referralId} AND participant_id = ${participantId}`);
      if (!own) issues.push({ path: `goals.${g}.steps.${s}.referralId`, i18nKey: 'plans.errors.referralNotOfParticipant' });
    });
  });
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

/**
 * The goals to store, each goal and step with its id: the one it came with, which must be one of the plan in force
 * (a goal's id a goal's, a step's a step's; a step may move to another goal), or a new one.
 */
function withIds(goals: GoalInput[], before: Plan | undefined): GoalsToStore {
  const goalIds = new Set(before?.goals.map((g) => g.id));
  const stepIds = new Set(before?.goals.flatMap((g) => g.steps.map((s) => s.id)));
  const issues: FieldIssue[] = [];
  const stored = goals.map((goal, g) => {
    if (goal.id !== undefined && !goalIds.has(goal.id)) issues.push({ path: `goals.${g}`, i18nKey: 'plans.errors.unknownItem' });
    return {
      ...goal,
      id: goal.id ?? newId(),
      steps: goal.steps.map((step, s) => {
        if (step.id !== undefined && !stepIds.has(step.id))
          issues.push({ path: `goals.${g}.steps.${s}`, i18nKey: 'plans.errors.unknownItem' });
        return { ...step, id: step.id ?? newId() };
      }),
    };
  });
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
  return stored;
}

/** Every field of every goal and step, in a fixed order, so two plans compare whatever order their keys came in. */
const canonical = (goals: readonly PlanGoal[] | GoalsToStore) =>
  JSON.stringify(
    goals.map((g) => [
      g.id,
      g.kind,
      g.target,
      g.targetDate,
      g.why,
      g.steps.map((s) => [s.id, s.what, s.owner, s.due, s.status, s.droppedReason, s.referralId]),
    ]),
  );

function stored(db: Db, participantId: string): Plan {
  const plan = findPlan(db, participantId);
  if (!plan) throw new Error('plan vanished');
  return plan;
}

/**
 * Career and study plans. Saving needs the participant's consent to processing, or the coordinator's override, and
 * is audited with the plan's id only (never its goals or steps); reads are not, since opening the file is.
 */
export const planHandlers = {
  'plans.get': {
    kind: 'tx',
    run: (input, { db }) => {
      requireParticipant(db, input.participantId);
      return { plan: findPlan(db, input.participantId) ?? null };
    },
  },

  'plans.save': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      requireParticipant(db, input.participantId);
      assertDates(input.goals);
      assertReferrals(db, input.participantId, input.goals);
      requireConsent(db, input.participantId, 'processing');
      const before = findPlan(db, input.participantId);
      // Someone saved since this editor read the plan (or made one meanwhile): saving now would silently undo it.
      if ((before?.version ?? null) !== input.baseVersion)
        throw new AppError('invalid_input', { issues: [{ path: 'baseVersion', i18nKey: 'plans.errors.stale' }] });
      const goals = withIds(input.goals, before);
      const at = now.toISOString();
      if (!before) {
        insertPlan(db, { id: newId(), participantId: input.participantId, goals, at, by: session.userId });
        return { plan: stored(db, input.participantId), changed: true };
      }
      const changed = canonical(goals) !== canonical(before.goals);
      if (changed) replacePlan(db, before.id, goals, at, session.userId);
      return { plan: stored(db, input.participantId), changed };
    },
    audit: (_input, output) =>
      output.changed
        ? { action: 'plans.save', entity: 'participant', entityId: output.plan.participantId, detail: `plan:${output.plan.id}` }
        : null,
  },

  'plans.versions': {
    kind: 'tx',
    run: (input, { db }) => {
      requireParticipant(db, input.participantId);
      return { versions: listPlanVersions(db, input.participantId) };
    },
  },

  'plans.version': {
    kind: 'tx',
    run: (input, { db }) => {
      requireParticipant(db, input.participantId);
      const which =
        'version' in input ? { version: input.version } : { at: input.at, dayOfSave: (at: string) => dayOf(new Date(at)) };
      return { plan: findPlanVersion(db, input.participantId, which) ?? null };
    },
  },

  /** The plan printed for the participant (print-handlers.ts, the document in print/plan-print.ts). */
  ...planPrintHandlers,
} satisfies HandlerGroup;
