/**
 * The career and study plan (the seventh goal of the coaching, PROGRAMME.md): one living plan per participant, made
 * with them. A plan is goals, and under each goal the steps towards it. The plan is saved whole, as one document,
 * with the version it was based on: a save based on an older version than the one in force is refused, so that two
 * people editing at once cannot silently overwrite each other. Every saved change keeps the earlier version, as notes
 * do; the history can be listed and the plan read as it was at a version or in force on a day.
 * Enum values are English codes; the interface translates them (`plans.goalKinds.<code>`, ...).
 */
import { z } from 'zod';
import { channel } from './channel';
import { LOCALES } from './locales';
import { participantId, recordId } from './participants';
import { customIssue, isoDate, optionalLine, singleLine, writtenText } from './text-fields';

/** What a goal is about. */
export const GOAL_KINDS = ['job', 'vocationalQualification', 'studies', 'languageLevel', 'drivingLicence', 'other'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Who takes a step. */
export const STEP_OWNERS = ['participant', 'caseworker', 'partner'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];

/** Where a step stands; a dropped step says why. */
export const STEP_STATUSES = ['open', 'done', 'dropped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const PLAN_GOALS_MAX = 20;
export const PLAN_STEPS_PER_GOAL_MAX = 30;
/** The target of a goal: "practical nurse qualification", "Finnish A2.2", "a job in a warehouse". */
export const GOAL_TARGET_MAX = 300;
/** Why the goal matters, in the participant's words. */
export const GOAL_WHY_MAX = 2000;
export const STEP_WHAT_MAX = 500;
export const STEP_DROPPED_REASON_MAX = 500;
/** Target and due dates must lie within these days: catches a mistyped year. */
export const PLAN_DATE_MIN = '2000-01-01';
export const PLAN_DATE_MAX = '2099-12-31';

/**
 * A target or due date: a calendar day, or null when none is agreed. The main side refuses one outside
 * PLAN_DATE_MIN..PLAN_DATE_MAX with `plans.errors.dateOutOfRange` on the field.
 */
const planDate = isoDate.nullable().default(null);

/**
 * One step as the caller sends it. `id` is the step's own id when it was already in the plan (left out for a new
 * step; the main side gives it one). A dropped step needs its reason; a reason given for a step that is not
 * dropped is not kept. `referralId` points to a referral of the same participant when the step is one; the main side
 * refuses one of another participant, or one not stored (`plans.errors.referralNotOfParticipant` on the field).
 */
export const stepInput = z
  .object({
    id: recordId.optional(),
    what: singleLine(STEP_WHAT_MAX),
    owner: z.enum(STEP_OWNERS),
    due: planDate,
    status: z.enum(STEP_STATUSES).default('open'),
    droppedReason: optionalLine(STEP_DROPPED_REASON_MAX).default(null),
    referralId: recordId.nullable().default(null),
  })
  .strict()
  .superRefine((step, ctx) => {
    if (step.status === 'dropped' && step.droppedReason === null) ctx.addIssue(customIssue('reason_required', ['droppedReason']));
  })
  .transform((step) => (step.status === 'dropped' ? step : { ...step, droppedReason: null }));
export type StepInput = z.output<typeof stepInput>;

/** One goal as the caller sends it, with its steps in the order shown. */
export const goalInput = z
  .object({
    id: recordId.optional(),
    kind: z.enum(GOAL_KINDS),
    target: singleLine(GOAL_TARGET_MAX),
    targetDate: planDate,
    /** In the participant's own words; blank or left out is "not written" (null). */
    why: writtenText(GOAL_WHY_MAX, { min: 0 })
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
    steps: z.array(stepInput).max(PLAN_STEPS_PER_GOAL_MAX).default([]),
  })
  .strict();
export type GoalInput = z.output<typeof goalInput>;

/** The whole plan to save. `baseVersion` is the version the editor started from, null when there was no plan. */
export const savePlanInput = z
  .object({
    participantId,
    baseVersion: z.number().int().positive().nullable(),
    goals: z.array(goalInput).max(PLAN_GOALS_MAX),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const ids = [...plan.goals.map((g) => g.id), ...plan.goals.flatMap((g) => g.steps.map((s) => s.id))].filter(
      (id): id is string => id !== undefined,
    );
    if (new Set(ids).size !== ids.length) ctx.addIssue(customIssue('duplicate_values', ['goals']));
  });

export const planStep = z.strictObject({
  id: z.string(),
  what: z.string(),
  owner: z.enum(STEP_OWNERS),
  due: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  droppedReason: z.string().nullable(),
  referralId: z.string().nullable(),
});
export type PlanStep = z.infer<typeof planStep>;

export const planGoal = z.strictObject({
  id: z.string(),
  kind: z.enum(GOAL_KINDS),
  target: z.string(),
  targetDate: z.string().nullable(),
  why: z.string().nullable(),
  steps: z.array(planStep),
});
export type PlanGoal = z.infer<typeof planGoal>;

/** A participant's plan in force, or as it was at one version. */
export const plan = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  /** 1 for the first save; each saved change adds one. */
  version: z.number().int().positive(),
  goals: z.array(planGoal),
  /** When this version was saved, and by whom. */
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
});
export type Plan = z.infer<typeof plan>;

/** One line of the plan's history: a version, who saved it and when, and its size. */
export const planVersionLine = z.strictObject({
  version: z.number().int().positive(),
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string().nullable(),
  goals: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
});
export type PlanVersionLine = z.infer<typeof planVersionLine>;

const byParticipant = z.object({ participantId }).strict();

/** A version by its number, or the version in force at the end of a calendar day (the workstation's clock). */
export const planVersionInput = z.union([
  z.object({ participantId, version: z.number().int().positive() }).strict(),
  z.object({ participantId, at: isoDate }).strict(),
]);

export const planChannels = {
  /** The participant's plan in force; null when none has been saved. */
  'plans.get': channel('plans.read', byParticipant, z.object({ plan: plan.nullable() })),
  /**
   * Saves the whole plan. Needs the participant's consent to processing (or the coordinator's override). A save
   * based on another version than the one in force is refused (`invalid_input`, `plans.errors.stale` on
   * `baseVersion`) and nothing is written. `changed` is false when nothing differed: then no version is added and
   * nothing is audited.
   */
  'plans.save': channel('plans.write', savePlanInput, z.object({ plan, changed: z.boolean() })),
  /** The plan's history, the version in force first; empty when there is no plan. */
  'plans.versions': channel('plans.read', byParticipant, z.object({ versions: z.array(planVersionLine) })),
  /** The plan as it was at a version, or in force at a day; null when there was none then. */
  'plans.version': channel('plans.read', planVersionInput, z.object({ plan: plan.nullable() })),
} as const;

/**
 * The career and study plan printed for the participant: their goals and steps in plain words, in the language
 * chosen for the print, with our contact details and lines for the participant's and the caseworker's signature.
 * No internal notes (a dropped step's reason stays in the file), no codes (electron/core/print/plan-print.ts).
 * Every reader of plans may print it for the participant; every PDF saved and every print is audited.
 *
 * The request: whose plan, in which language.
 */
export const planPrintRequest = z.object({ participantId, locale: z.enum(LOCALES) }).strict();
export type PlanPrintRequest = z.output<typeof planPrintRequest>;

export const planPrintChannels = {
  /** The printed plan as it will print, for the preview; not audited (it shows what the plan tab shows). */
  'plans.printPreview': channel('plans.read', planPrintRequest, z.object({ html: z.string() })),
  /** Asks where to save and writes the printed plan as a PDF; audited without its content. */
  'plans.printPdf': channel(
    'plans.read',
    planPrintRequest,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('saved'), fileName: z.string() }),
    ]),
  ),
  /** Sends the printed plan to the system print dialog; a completed print is audited without its content. */
  'plans.print': channel(
    'plans.read',
    planPrintRequest,
    z.discriminatedUnion('status', [z.object({ status: z.literal('cancelled') }), z.object({ status: z.literal('printed') })]),
  ),
} as const;
