/**
 * Cohorts: the groups a participant takes the programme in, and enrolments, which put a participant into one
 * cohort at a time. A participant's open enrolment (no end date) is "their cohort" in the registry. The
 * schedule, sessions and attendance build on these.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';

export const COHORT_NAME_MAX = 80;
export const COHORT_LENGTH_WEEKS = { min: 1, max: 52, default: 10 } as const;
export const ENROLMENT_OUTCOMES = ['completed', 'discontinued'] as const;
export type EnrolmentOutcome = (typeof ENROLMENT_OUTCOMES)[number];
export const OUTCOME_REASON_MAX = 500;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** A cohort's name as staff call the group, e.g. "Spring 2027 A"; unique regardless of case. */
export const cohortName = z
  .string()
  .trim()
  .min(1)
  .max(COHORT_NAME_MAX)
  .refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'control_characters' });

const reason = z
  .string()
  .trim()
  .max(OUTCOME_REASON_MAX)
  .refine((s) => !CONTROL_CHARACTERS_BUT_NEWLINE.test(s), { message: 'control_characters' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const cohortSummary = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  lengthWeeks: z.number().int(),
  /** Participants whose enrolment in the cohort is open. */
  enrolled: z.number().int().nonnegative(),
});
export type CohortSummary = z.infer<typeof cohortSummary>;

export const createCohortInput = z
  .object({
    name: cohortName,
    startDate: z.iso.date(),
    lengthWeeks: z.number().int().min(COHORT_LENGTH_WEEKS.min).max(COHORT_LENGTH_WEEKS.max).optional(),
  })
  .strict();
export type CreateCohortInput = z.input<typeof createCohortInput>;

export const enrolInput = z.object({ participantId: recordId, cohortId: recordId, startDate: z.iso.date() }).strict();
export type EnrolInput = z.input<typeof enrolInput>;

/** Ends an open enrolment; a discontinued one says why, a completed one needs no reason. */
export const endEnrolmentInput = z
  .object({ id: recordId, endDate: z.iso.date(), outcome: z.enum(ENROLMENT_OUTCOMES), reason })
  .strict()
  .superRefine((value, ctx) => {
    if (value.outcome === 'discontinued' && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
    if (value.outcome !== 'discontinued' && value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_only_when_discontinued' });
  });
export type EndEnrolmentInput = z.input<typeof endEnrolmentInput>;

export const enrolment = z.object({
  id: z.string(),
  participantId: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  outcome: z.enum(ENROLMENT_OUTCOMES).nullable(),
  outcomeReason: z.string().nullable(),
});
export type Enrolment = z.infer<typeof enrolment>;

export const cohortChannels = {
  /** Every cohort, newest start first, with how many are enrolled; teachers need the names too. */
  'cohorts.list': channel('participants.readLimited', z.object({}).strict(), z.array(cohortSummary)),
  /** A participant's enrolments, the open one first, then the ended ones newest first. */
  'cohorts.enrolments': channel('participants.read', z.object({ participantId: recordId }).strict(), z.array(enrolment)),
  /** A new cohort; a name already in use (case ignored) is refused with `invalid_input` on `name`. */
  'cohorts.create': channel('participants.write', createCohortInput, z.object({ cohort: cohortSummary })),
  /**
   * Puts a participant into a cohort. Needs the processing consent; a participant with an open enrolment is
   * refused with `invalid_input` on `cohortId` (one cohort at a time: end the open one first).
   */
  'cohorts.enrol': channel('participants.write', enrolInput, z.object({ enrolment })),
  /** Ends an open enrolment with its outcome; an ended one, or an end before the start, is `invalid_input`. */
  'cohorts.endEnrolment': channel('participants.write', endEnrolmentInput, z.object({ enrolment })),
} as const;
