/**
 * Assessments from intake to exit: how a participant stands in each outcome domain of the coaching
 * (PROGRAMME.md), recorded at fixed stages so that the change from intake to exit can be seen.
 *
 * The questions are an **instrument**, data stored in the vault and versioned: a version never changes once stored,
 * and every assessment names the version it was made with, so an old assessment always reads with the wording it
 * was made with. The coordinator may hide an item of a version from future assessments; it is never deleted.
 * The wording of items and of the steps of their scales lives in the instrument (it is versioned data), not in the
 * interface's catalogue; the stages, domains and raters are interface words (`assessments.stages.<code>` ...).
 * Enum values are English codes.
 */
import { z } from 'zod';
import { channel } from './channel';
import { participantId, recordId } from './participants';
import { customIssue, isoDate, singleLine, writtenText } from './text-fields';
import { authorship } from './authorship';

/** When an assessment is made: at intake, mid-point (week 5), exit, and 3 and 6 months after exit. */
export const ASSESSMENT_STAGES = ['intake', 'midpoint', 'exit', 'followUp3', 'followUp6'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

/** Where a participant's stage stands today (electron/core/assessments/due.ts decides). */
export const STAGE_STATUSES = ['done', 'due', 'overdue', 'upcoming', 'notApplicable'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/**
 * What is assessed: the coaching's outcome domains, and the participant's work and education history with their
 * wishes (structured text, not scored). Psychosocial well-being has its own log; the plan has its own record.
 */
export const ASSESSMENT_DOMAINS = [
  'finnish',
  'digital',
  'rights',
  'jobSearch',
  'everydayLife',
  'selfConfidence',
  'history',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

/** Whose view an answer is: the participant's own, or the caseworker's. Self-confidence items ask both. */
export const RATERS = ['participant', 'caseworker'] as const;
export type Rater = (typeof RATERS)[number];

/**
 * Finnish language skill on the scale Finnish language teaching uses (the Finnish adaptation of the CEFR, as in
 * integration training and the national curricula: A1.1 to C1.1), with a step below it for someone just starting.
 */
export const CEFR_LEVELS = ['preA1', 'A1.1', 'A1.2', 'A1.3', 'A2.1', 'A2.2', 'B1.1', 'B1.2', 'B2.1', 'B2.2', 'C1.1'] as const;
/** How independently someone manages a task, after the EU DigComp proficiency idea, in everyday words. */
export const INDEPENDENCE_LEVELS = ['notYet', 'withHelp', 'alone', 'canHelpOthers'] as const;
/** A short check with the participant: do they know it. */
export const CHECK_ANSWERS = ['no', 'partly', 'yes'] as const;
/** The self-rating ladder: how true a statement is for the participant, 1 to 5. */
export const LADDER_STEPS = ['1', '2', '3', '4', '5'] as const;

/**
 * The kinds of answer an item takes. Each scored kind is an ordered list of steps; an answer stores the step's
 * score, `SCALES[kind].first` for the first step and one more for each step after it, so that a higher score is
 * always further along and change can be counted. `text` items are written answers, not scored.
 */
export const SCALE_KINDS = ['cefr', 'independence', 'check', 'ladder', 'text'] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];
export type ScoredScale = Exclude<ScaleKind, 'text'>;
export const SCORED_SCALES = ['cefr', 'independence', 'check', 'ladder'] as const satisfies readonly ScoredScale[];

export const SCALES: Readonly<Record<ScoredScale, { first: number; steps: readonly string[] }>> = {
  cefr: { first: 0, steps: CEFR_LEVELS },
  independence: { first: 1, steps: INDEPENDENCE_LEVELS },
  check: { first: 0, steps: CHECK_ANSWERS },
  ladder: { first: 1, steps: LADDER_STEPS },
};

/** The lowest and highest score of a scored scale. */
export function scoreRange(kind: ScoredScale): { min: number; max: number } {
  const { first, steps } = SCALES[kind];
  return { min: first, max: first + steps.length - 1 };
}

/** The code of the step a score stands for (`A2.1`, `withHelp`), or undefined outside the scale. */
export function stepOfScore(kind: ScoredScale, score: number): string | undefined {
  return SCALES[kind].steps[score - SCALES[kind].first];
}

/**
 * The median of a non-empty list of numbers (sorted in place; the mean of the middle two for an even count): how a
 * domain's items are summed up, since ordinal steps have no distance to average and one outlying item should not
 * swing the domain (docs/assessments.md). The cohort's change and the participant's progress picture both use it.
 */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** A note beside an answer. */
export const ANSWER_NOTE_MAX = 1000;
/** A written answer (work history, wishes). */
export const ANSWER_TEXT_MAX = 4000;
/** The language an item was asked in ("arabia", "ti"): as the participant's languages are written. */
export const ANSWER_LANGUAGE_MAX = 40;
/** An instrument's items: a bound for the stored definition and for the answers of one assessment. */
export const INSTRUMENT_ITEMS_MAX = 200;
export const WORDING_MAX = 500;

/** An item's id: `<domain>.<name>`, stable across versions when the item means the same. */
export const itemId = z
  .string()
  .max(80)
  .regex(/^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/);

/** A text of the instrument in every language of Polku. */
export const wording = z.strictObject({
  fi: z.string().min(1).max(WORDING_MAX),
  sv: z.string().min(1).max(WORDING_MAX),
  en: z.string().min(1).max(WORDING_MAX),
});
export type Wording = z.infer<typeof wording>;

/** One step of a scale as a version words it. */
export const scaleStep = z.strictObject({ score: z.number().int(), code: z.string(), label: wording });
export type ScaleStep = z.infer<typeof scaleStep>;

export const instrumentItem = z.strictObject({
  id: itemId,
  domain: z.enum(ASSESSMENT_DOMAINS),
  scale: z.enum(SCALE_KINDS),
  /** Whose view the item asks for: the caseworker's, or both the participant's and the caseworker's. */
  raters: z.array(z.enum(RATERS)).min(1).max(RATERS.length),
  /** The question or statement, as said to the participant (plain words an interpreter can carry). */
  wording,
  /** A line for the caseworker on how to ask or judge it; null when none. */
  guidance: wording.nullable(),
});
export type InstrumentItem = z.infer<typeof instrumentItem>;

/** A whole version of the instrument as stored in the vault: the words of every step of every scored scale, and its items in the order asked. */
export const instrumentDefinition = z.strictObject({
  version: z.number().int().positive(),
  scales: z.strictObject({
    cefr: z.array(scaleStep),
    independence: z.array(scaleStep),
    check: z.array(scaleStep),
    ladder: z.array(scaleStep),
  }),
  items: z.array(instrumentItem).min(1).max(INSTRUMENT_ITEMS_MAX),
});
export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;

/**
 * What keeps a definition whole beyond its shape, as sentences for a developer (a definition is data shipped with
 * Polku or carried by a handover, never typed by a user): each scale's steps are the contract's (SCALES) in order,
 * item ids are unique, and an item's domain is its id's prefix. Empty when whole.
 */
export function definitionProblems(definition: InstrumentDefinition): string[] {
  const problems: string[] = [];
  for (const kind of SCORED_SCALES) {
    const expected = SCALES[kind].steps.map((code, i) => `${SCALES[kind].first + i}:${code}`).join(',');
    const given = definition.scales[kind].map((s) => `${s.score}:${s.code}`).join(',');
    if (given !== expected) problems.push(`scale ${kind} has steps ${given}, not ${expected}`);
  }
  const ids = definition.items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) problems.push('an item id is given twice');
  for (const item of definition.items)
    if (!item.id.startsWith(`${item.domain}.`)) problems.push(`item ${item.id} is not of its domain ${item.domain}`);
  return problems;
}

/** A version as the interface reads it: the definition, each item with whether it is hidden from new assessments. */
export const instrument = z.strictObject({
  version: z.number().int().positive(),
  scales: instrumentDefinition.shape.scales,
  items: z.array(instrumentItem.extend({ hidden: z.boolean() })),
});
export type Instrument = z.infer<typeof instrument>;

/** An optional written text; blank or left out means "none" (null). */
const optionalWriting = (max: number) =>
  writtenText(max, { min: 0 })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

/**
 * One answer to one item from one rater. A scored item takes `score` (an integer of its scale), a text item
 * `text`; the main side checks which against the item of the assessment's version
 * (`assessments.errors.scoreOutOfScale`, `assessments.errors.scoreRequired`, `assessments.errors.textRequired`).
 */
export const answerInput = z
  .object({
    itemId,
    rater: z.enum(RATERS),
    score: z.number().int().nullable().default(null),
    text: optionalWriting(ANSWER_TEXT_MAX),
    note: optionalWriting(ANSWER_NOTE_MAX),
    /** The item was asked through an interpreter. */
    withInterpreter: z.boolean().default(false),
    /** The language it was asked in; blank when not recorded. */
    language: singleLine(ANSWER_LANGUAGE_MAX, { min: 0 })
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
  })
  .strict();
export type AnswerInput = z.input<typeof answerInput>;

/**
 * A whole assessment to save. Without `baseUpdatedAt` it is a new one for the stage, refused when the stage is
 * already recorded (`assessments.errors.stageRecorded` on `stage`); with it, it replaces the stage's assessment
 * whole, refused when someone saved it since (`assessments.errors.stale` on `baseUpdatedAt`).
 */
export const saveAssessmentInput = z
  .object({
    participantId,
    stage: z.enum(ASSESSMENT_STAGES),
    date: isoDate,
    /** The instrument version the answers were given under. */
    version: z.number().int().positive(),
    answers: z.array(answerInput).max(INSTRUMENT_ITEMS_MAX * RATERS.length),
    baseUpdatedAt: z.string().max(40).nullable().default(null),
  })
  .strict()
  .superRefine((input, ctx) => {
    const keys = input.answers.map((a) => `${a.itemId}/${a.rater}`);
    if (new Set(keys).size !== keys.length) ctx.addIssue(customIssue('duplicate_values', ['answers']));
  });
export type SaveAssessmentInput = z.input<typeof saveAssessmentInput>;

export const assessmentAnswer = z.strictObject({
  itemId: z.string(),
  rater: z.enum(RATERS),
  score: z.number().int().nullable(),
  text: z.string().nullable(),
  note: z.string().nullable(),
  withInterpreter: z.boolean(),
  language: z.string().nullable(),
});
export type AssessmentAnswer = z.infer<typeof assessmentAnswer>;

export const assessment = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  stage: z.enum(ASSESSMENT_STAGES),
  date: z.string(),
  /** The instrument version it was made with: read its items and scales there, never in another version. */
  version: z.number().int().positive(),
  /** In the order of the version's items, the participant's view before the caseworker's. */
  answers: z.array(assessmentAnswer),
  ...authorship,
});
export type Assessment = z.infer<typeof assessment>;

/**
 * One domain's change from intake to exit across a cohort: how many participants moved up, stayed, moved down, and
 * how many cannot be compared (`missing`); `n` = up + same + down + missing, every participant counted. Counts
 * only, no names or ids (electron/core/assessments/cohort-change.ts says which enrolments and which rater count).
 */
export const domainChange = z.strictObject({
  domain: z.enum(ASSESSMENT_DOMAINS),
  up: z.number().int().nonnegative(),
  same: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  n: z.number().int().nonnegative(),
});
export type DomainChangeCounts = z.infer<typeof domainChange>;

/** The ways a participant's domain can come out of the comparison, in the order a cohort chart draws them. */
export const CHANGE_KINDS = ['down', 'same', 'up', 'missing'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Where one stage of a participant stands today: what the file's list of stages shows, a missing stage included. */
export const stageStanding = z.strictObject({
  stage: z.enum(ASSESSMENT_STAGES),
  /** The last day to make it; null when no day can be named (never enrolled, or the stage does not apply). */
  dueDate: z.string().nullable(),
  status: z.enum(STAGE_STATUSES),
  /** The day it was recorded on, when it is. */
  recordedOn: z.string().nullable(),
  /** A follow-up's date counted from the exit's due date, because the exit is not recorded yet. */
  provisional: z.boolean(),
});
export type StageStanding = z.infer<typeof stageStanding>;

export const assessmentChannels = {
  /**
   * A version of the instrument with its wording in every language and each item's hidden flag; without
   * `version`, the current one (the highest stored). `not_found` for a version not stored.
   */
  'assessments.instrument': channel(
    'assessments.read',
    z.object({ version: z.number().int().positive().optional() }).strict(),
    z.object({ instrument, current: z.number().int().positive() }),
  ),
  /**
   * The participant's assessments in stage order, every instrument version they were made with (so that each reads
   * with its own version's wording), and each of the five stages with its due date and where it stands today. A
   * participant never enrolled has no due dates: their stages not recorded are `upcoming` with no date.
   */
  'assessments.list': channel(
    'assessments.read',
    z.object({ participantId }).strict(),
    z.object({
      assessments: z.array(assessment),
      instruments: z.array(instrument),
      stages: z.array(stageStanding).length(ASSESSMENT_STAGES.length),
    }),
  ),
  /**
   * Creates or replaces one stage's assessment whole (see saveAssessmentInput). Needs the participant's consent to
   * processing, or the coordinator's override. Refused by field with `invalid_input`, nothing written: a version not
   * stored, an item not in that version or hidden in it, a score outside its item's scale, a rater the item does not
   * ask, a date in the future or before the participant's start in the programme.
   */
  'assessments.save': channel('assessments.write', saveAssessmentInput, z.object({ assessment })),
  /** Hides an item of a version from new assessments, or shows it again; the coordinator's. Never deletes it. */
  'assessments.hideItem': channel(
    'assessments.manage',
    z.object({ version: z.number().int().positive(), itemId, hidden: z.boolean() }).strict(),
    z.object({ instrument }),
  ),
  /**
   * A cohort's change from intake to exit, per scored domain in the current instrument's order: counts only, so
   * that the cohort's page shows it without a name. `not_found` for a cohort not stored.
   */
  'assessments.cohortChange': channel(
    'assessments.read',
    z.object({ cohortId: recordId }).strict(),
    z.object({ domains: z.array(domainChange) }),
  ),
} as const;
