/**
 * The plan editor's draft: the whole plan as typed, and how it becomes the whole-plan save (`plans.save`) and back.
 * Every goal and step has a `key` of its own for the screen (its id when it was saved, else a new one), so that
 * field errors, focus and moves follow the item and not its place in the list.
 */
import type { InputOf } from '@shared/api';
import type { GoalKind, Plan, PlanGoal, PlanStep, StepOwner, StepStatus } from '@shared/plans';
import type { Failure } from '@shared/errors';
import type { FieldErrors, FieldMessage } from '../../api/validate';

export interface StepDraft {
  key: string;
  /** The saved step's id; absent for a step added in this edit. */
  id?: string;
  what: string;
  owner: StepOwner;
  /** YYYY-MM-DD, '' for none, or the text typed while it cannot be read as a day. */
  due: string;
  status: StepStatus;
  droppedReason: string;
  /** The referral the step points to, '' for none. */
  referralId: string;
}

export interface GoalDraft {
  key: string;
  id?: string;
  kind: GoalKind;
  target: string;
  targetDate: string;
  why: string;
  steps: StepDraft[];
}

export interface PlanDraft {
  /** The version the edit started from; null when there was no plan. */
  baseVersion: number | null;
  goals: GoalDraft[];
}

export type SavePlan = InputOf<'plans.save'>;

const newKey = () => `new-${crypto.randomUUID()}`;

export function newStep(): StepDraft {
  return { key: newKey(), what: '', owner: 'participant', due: '', status: 'open', droppedReason: '', referralId: '' };
}

export function newGoal(): GoalDraft {
  return { key: newKey(), kind: 'job', target: '', targetDate: '', why: '', steps: [newStep()] };
}

const stepDraft = (step: PlanStep): StepDraft => ({
  key: step.id,
  id: step.id,
  what: step.what,
  owner: step.owner,
  due: step.due ?? '',
  status: step.status,
  droppedReason: step.droppedReason ?? '',
  referralId: step.referralId ?? '',
});

const goalDraft = (goal: PlanGoal): GoalDraft => ({
  key: goal.id,
  id: goal.id,
  kind: goal.kind,
  target: goal.target,
  targetDate: goal.targetDate ?? '',
  why: goal.why ?? '',
  steps: goal.steps.map(stepDraft),
});

/** The draft of a saved plan, or of a new one (one empty goal to start from) when there is none. */
export function draftFromPlan(plan: Plan | null): PlanDraft {
  if (!plan) return { baseVersion: null, goals: [newGoal()] };
  return { baseVersion: plan.version, goals: plan.goals.map(goalDraft) };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** The whole plan to save, in the order shown; an empty optional field is "none" (null). */
export function saveInput(participantId: string, draft: PlanDraft): SavePlan {
  return {
    participantId,
    baseVersion: draft.baseVersion,
    goals: draft.goals.map((goal) => ({
      ...(goal.id ? { id: goal.id } : {}),
      kind: goal.kind,
      target: goal.target,
      targetDate: orNull(goal.targetDate),
      why: orNull(goal.why),
      steps: goal.steps.map((step) => ({
        ...(step.id ? { id: step.id } : {}),
        what: step.what,
        owner: step.owner,
        due: orNull(step.due),
        status: step.status,
        droppedReason: step.status === 'dropped' ? orNull(step.droppedReason) : null,
        referralId: orNull(step.referralId),
      })),
    })),
  };
}

/**
 * The plan in force with one step's status changed (done, dropped with its reason, or open again): the quick action
 * on a step saves the whole plan, based on the version shown.
 */
export function withStepStatus(plan: Plan, stepId: string, status: StepStatus, droppedReason = ''): SavePlan {
  const draft = draftFromPlan(plan);
  return saveInput(plan.participantId, {
    ...draft,
    goals: draft.goals.map((goal) => ({
      ...goal,
      steps: goal.steps.map((step) => (step.key === stepId ? { ...step, status, droppedReason } : step)),
    })),
  });
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); a move past either end leaves the list as it is. */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** The draft with the step `stepKey` moved to the end of the goal `goalKey`'s steps. */
export function stepMovedToGoal(draft: PlanDraft, stepKey: string, goalKey: string): PlanDraft {
  const step = draft.goals.flatMap((g) => g.steps).find((s) => s.key === stepKey);
  if (!step || !draft.goals.some((g) => g.key === goalKey)) return draft;
  return {
    ...draft,
    goals: draft.goals.map((goal) => {
      const rest = goal.steps.filter((s) => s.key !== stepKey);
      return { ...goal, steps: goal.key === goalKey ? [...rest, step] : rest };
    }),
  };
}

/** Where a problem of the save shows: on a field of a goal or step, on the item as a whole, or on the plan. */
export type ItemErrors = Partial<Record<string, FieldMessage>>;

/** The key a goal's or step's field problem is shown under: `<item key>.<field>`, or `<item key>` for the item. */
export const errorKey = (itemKey: string, field?: string) => (field ? `${itemKey}.${field}` : itemKey);

/** The key of problems with the plan as a whole (too many goals, an id given twice). */
export const PLAN_ERROR = 'plan';

/**
 * Field errors of a save (its paths index the draft as it was sent: `goals.1.steps.0.due`) keyed by the goal or
 * step they belong to, so that they stay on that item when the list is changed before the next save. The first
 * problem of each field wins; `baseVersion` (a stale save) is shown apart and is not among them.
 */
export function errorsByItem(errors: FieldErrors, draft: PlanDraft): ItemErrors {
  const out: ItemErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!message || path === 'baseVersion') continue;
    const parts = path.split('.');
    const goal = parts[0] === 'goals' && parts[1] !== undefined ? draft.goals[Number(parts[1])] : undefined;
    let key = PLAN_ERROR;
    if (goal && parts[2] === 'steps' && parts[3] !== undefined) {
      const step = goal.steps[Number(parts[3])];
      key = step ? errorKey(step.key, parts[4]) : errorKey(goal.key, 'steps');
    } else if (goal) key = errorKey(goal.key, parts[2]);
    out[key] ??= message;
  }
  return out;
}

/** Whether a step is still to be done and its day has passed. */
export const isOverdue = (step: Pick<PlanStep, 'status' | 'due'>, today: string) =>
  step.status === 'open' && step.due !== null && step.due < today;

/** Whether a refusal is the main side's "someone else saved the plan meanwhile" (`plans.errors.stale`). */
export const isStale = (failure: Failure | null) =>
  failure?.code === 'invalid_input' && (failure.details?.issues ?? []).some((issue) => issue.path === 'baseVersion');
