/**
 * Cohorts: the groups a participant takes the programme in, and enrolments, which put a participant into one
 * cohort at a time. A participant's open enrolment (no end date) is "their cohort" in the registry. The
 * schedule, sessions and attendance build on these.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { PLACE_MAX } from './sessions';
import { clockTime, customIssue, isoDate, optionalLine, optionalText, rule, singleLine } from './text-fields';

export const COHORT_NAME_MAX = 80;
export const COHORT_LENGTH_WEEKS = { min: 1, max: 52, default: 10 } as const;
export const ENROLMENT_OUTCOMES = ['completed', 'discontinued'] as const;
export type EnrolmentOutcome = (typeof ENROLMENT_OUTCOMES)[number];
export const OUTCOME_REASON_MAX = 500;
/** How a participant takes part: in the group's sessions, or in individual guidance only (no group attendance). */
export const ENROLMENT_MODES = ['group', 'individual'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];
/** The programme's usual rhythm (PROGRAMME.md): four half-days a week, Monday to Thursday. */
export const COHORT_DEFAULTS = { weekdays: [1, 2, 3, 4], startTime: '09:00', endTime: '12:00' } as const;
export const COHORT_STAFF_MAX = 20;

/** A cohort's name as staff call the group, e.g. "Spring 2027 A"; unique regardless of case. */
export const cohortName = singleLine(COHORT_NAME_MAX);

const reason = optionalText(OUTCOME_REASON_MAX).optional();

export const cohortSummary = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  lengthWeeks: z.number().int(),
  /** The last day of the cohort's period (start + length weeks - 1 day). */
  endDate: z.string(),
  /** ISO weekdays the group meets on, 1 = Monday. */
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string().nullable(),
  /** Participants whose enrolment in the cohort is open. */
  enrolled: z.number().int().nonnegative(),
});
export type CohortSummary = z.infer<typeof cohortSummary>;

export const cohortStaffMember = z.object({ userId: z.string(), displayName: z.string(), role: z.string() });

/** A cohort with its staff and the counts its page shows. */
export const cohortDetail = cohortSummary.extend({
  staff: z.array(cohortStaffMember),
  sessions: z.number().int().nonnegative(),
  cancelledSessions: z.number().int().nonnegative(),
});
export type CohortDetail = z.infer<typeof cohortDetail>;

const place = optionalLine(PLACE_MAX);

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
const isoWeekday = z.number().int().min(1).max(7);

const weekdays = z
  .array(isoWeekday)
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, rule('duplicate_weekdays'))
  .transform((days) => [...days].sort((a, b) => a - b));

const staffIds = z
  .array(recordId)
  .max(COHORT_STAFF_MAX)
  .transform((ids) => [...new Set(ids)]);

/**
 * A new cohort and its calendar: sessions on the given weekdays for the given weeks, Finnish days off skipped
 * (shared/programme-calendar.ts). Everything but the name and start date has the programme's usual default.
 */
export const createCohortInput = z
  .object({
    name: cohortName,
    startDate: isoDate,
    lengthWeeks: z.number().int().min(COHORT_LENGTH_WEEKS.min).max(COHORT_LENGTH_WEEKS.max).optional(),
    weekdays: weekdays.optional(),
    startTime: clockTime.optional(),
    endTime: clockTime.optional(),
    place: place.optional(),
    staffIds: staffIds.optional(),
  })
  .strict()
  .refine(
    (c) => (c.endTime ?? COHORT_DEFAULTS.endTime) > (c.startTime ?? COHORT_DEFAULTS.startTime),
    rule('end_before_start', ['endTime']),
  );
export type CreateCohortInput = z.input<typeof createCohortInput>;

/** Renames a cohort, or changes its usual place or staff; the calendar is changed session by session. */
export const updateCohortInput = z
  .object({ id: recordId, name: cohortName.optional(), place: place.optional(), staffIds: staffIds.optional() })
  .strict();
export type UpdateCohortInput = z.input<typeof updateCohortInput>;

/** A participant of a cohort as the reader may see them (first name and code for a teacher). */
export const cohortMember = z.object({
  enrolmentId: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  pseudonym: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  mode: z.enum(ENROLMENT_MODES),
  outcome: z.enum(ENROLMENT_OUTCOMES).nullable(),
});
export type CohortMember = z.infer<typeof cohortMember>;

export const enrolInput = z
  .object({
    participantId: recordId,
    cohortId: recordId,
    startDate: isoDate,
    mode: z.enum(ENROLMENT_MODES).optional(),
  })
  .strict();
export type EnrolInput = z.input<typeof enrolInput>;

/** At most this many participants are enrolled in one go (a group is 5-8; a register a few hundred). */
export const ENROL_MANY_MAX = 200;

/** Several participants into one cohort at once, all or none, from the cohort's page. */
export const enrolManyInput = z
  .object({
    cohortId: recordId,
    participantIds: z
      .array(recordId)
      .min(1)
      .max(ENROL_MANY_MAX)
      .transform((ids) => [...new Set(ids)]),
    startDate: isoDate,
    mode: z.enum(ENROLMENT_MODES).optional(),
  })
  .strict();
export type EnrolManyInput = z.input<typeof enrolManyInput>;

/** A participant who may be put into a cohort from its page: not in any cohort now, file not closed. */
export const enrolCandidate = z.object({
  participantId: z.string(),
  displayName: z.string(),
  pseudonym: z.string(),
  /** Has the processing consent (or the coordinator's override), which enrolment needs. */
  consent: z.boolean(),
});
export type EnrolCandidate = z.infer<typeof enrolCandidate>;

/**
 * The start an enrolment is offered with: the group's start while the group has not started, else today (a late
 * joiner starts when they join; an earlier start would count them absent from sessions held before).
 */
export function defaultEnrolmentStart(cohortStart: string, today: string): string {
  return today < cohortStart ? cohortStart : today;
}

/** Ends an open enrolment; a discontinued one says why, a completed one needs no reason. */
export const endEnrolmentInput = z
  .object({ id: recordId, endDate: isoDate, outcome: z.enum(ENROLMENT_OUTCOMES), reason })
  .strict()
  .superRefine((value, ctx) => {
    if (value.outcome === 'discontinued' && !value.reason) ctx.addIssue(customIssue('reason_required', ['reason']));
    if (value.outcome !== 'discontinued' && value.reason) ctx.addIssue(customIssue('reason_only_when_discontinued', ['reason']));
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
  mode: z.enum(ENROLMENT_MODES),
});
export type Enrolment = z.infer<typeof enrolment>;

export const cohortChannels = {
  /** Every cohort, newest start first, with how many are enrolled; teachers need the names too. */
  'cohorts.list': channel('participants.readLimited', z.object({}).strict(), z.array(cohortSummary)),
  /** A participant's enrolments, the open one first, then the ended ones newest first. */
  'cohorts.enrolments': channel('participants.read', z.object({ participantId: recordId }).strict(), z.array(enrolment)),
  /** Active colleagues who can be put on a cohort's staff (any role: teachers and psychologists run sessions too). */
  'cohorts.staffOptions': channel('programme.write', z.object({}).strict(), z.array(cohortStaffMember)),
  /** A cohort with its staff and session counts. */
  'cohorts.get': channel('programme.read', z.object({ id: recordId }).strict(), cohortDetail),
  /** Everyone enrolled in a cohort, the open enrolments first, as the reader may see them. */
  'cohorts.members': channel('programme.read', z.object({ id: recordId }).strict(), z.array(cohortMember)),
  /**
   * A new cohort with its generated calendar; a name already in use (case ignored) is refused with `invalid_input`
   * on `name`. Answers with the days off the calendar skipped, so the user sees why a week is short.
   */
  'cohorts.create': channel(
    'programme.write',
    createCohortInput,
    z.object({
      cohort: cohortSummary,
      sessions: z.number().int().nonnegative(),
      skipped: z.array(z.object({ date: z.string(), holiday: z.string() })),
    }),
  ),
  'cohorts.update': channel('programme.write', updateCohortInput, z.object({ cohort: cohortDetail })),
  /**
   * Puts a participant into a cohort. Needs the processing consent; a participant with an open enrolment is
   * refused with `invalid_input` on `cohortId` (one cohort at a time: end the open one first).
   */
  'cohorts.enrol': channel('participants.write', enrolInput, z.object({ enrolment })),
  /** Participants who could be enrolled in the cohort from its page, by pseudonym; names as the reader may see them. */
  'cohorts.enrolCandidates': channel('participants.write', z.object({ cohortId: recordId }).strict(), z.array(enrolCandidate)),
  /**
   * Puts several participants into a cohort in one transaction: all or none. A participant without the processing
   * consent, or already in a cohort, refuses the whole with `invalid_input` on `participantIds`, naming their code.
   */
  'cohorts.enrolMany': channel('participants.write', enrolManyInput, z.object({ enrolments: z.array(enrolment) })),
  /** Ends an open enrolment with its outcome; an ended one, or an end before the start, is `invalid_input`. */
  'cohorts.endEnrolment': channel('participants.write', endEnrolmentInput, z.object({ enrolment })),
} as const;
