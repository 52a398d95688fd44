/**
 * A participant's participation as the funder counts it: one a person and project, however many cohorts. Its
 * entry is the first enrolment's start and its exit the last enrolment's end once none is open
 * (electron/core/participation/dates.ts). At entry the funder counts what the intake holds (labour-market status,
 * education, age, the yes / no / not known questions of the participant record); at exit and six months later what
 * is recorded here. An answer not recorded is reported as unknown, never guessed.
 */
import { z } from 'zod';
import { addDays, addMonths } from './days';
import { channel } from './channel';
import { EDUCATION_LEVELS, LABOUR_MARKET_STATUSES, recordId, type Participant } from './participants';
import { customIssue, isoDate } from './text-fields';

/** The funder's age classes at entry. */
export const ENTRY_AGE_CLASSES = ['under_18', '18_29', '30_54', '55_plus', 'unknown'] as const;
export type EntryAgeClass = (typeof ENTRY_AGE_CLASSES)[number];

/** The follow-up six months after exit: the participant was reached and asked, or could not be reached. */
export const FOLLOW_UP_OUTCOMES = ['reached', 'not_reached'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** The situation at exit, each counted when true: the four answers of the exit check. */
export const EXIT_SITUATIONS = ['jobSearching', 'inEducation', 'qualification', 'employed'] as const;
export type ExitSituation = (typeof EXIT_SITUATIONS)[number];

/** Months from the exit to the follow-up. */
export const FOLLOW_UP_MONTHS = 6;
/** The follow-up shows on the Today page this many days before its day. */
export const FOLLOW_UP_NOTICE_DAYS = 14;
/** ...and stays there this many days after it, while not recorded; after that it is reported as unknown. */
export const FOLLOW_UP_LISTED_DAYS_AFTER = 90;

/** The day of the follow-up: the same day six months after the exit (the month's last day when it has fewer). */
export function followUpDueOn(exitDate: string): string {
  return addMonths(exitDate, FOLLOW_UP_MONTHS);
}

/** Whether a follow-up not yet recorded belongs on the Today page on `today`. */
export function followUpListed(dueOn: string, today: string): boolean {
  return today >= addDays(dueOn, -FOLLOW_UP_NOTICE_DAYS) && today <= addDays(dueOn, FOLLOW_UP_LISTED_DAYS_AFTER);
}

/** The oldest an age band reaches, for the open-ended one. */
const OLDEST = 130;

/**
 * The ages the participant may have had on the entry day, as the narrowest range the file tells: with a year of birth
 * (not the day) the participant was one of two ages that day, before or after their birthday; with an age band, the
 * band. Null when neither is recorded or there is no entry. The one age rule of the file and of the funder report.
 */
export function ageRangeAtEntry(
  person: Pick<Participant, 'birthYear' | 'ageBand'>,
  entryDate: string | null,
): { min: number; max: number } | null {
  if (entryDate === null) return null;
  if (person.birthYear !== null) {
    const older = Number(entryDate.slice(0, 4)) - person.birthYear;
    return { min: older - 1, max: older };
  }
  if (person.ageBand === null) return null;
  const [min, max] = person.ageBand.endsWith('+')
    ? [Number(person.ageBand.slice(0, -1)), OLDEST]
    : person.ageBand.split('-').map(Number);
  return { min: min!, max: max! };
}

function classOfAge(age: number): EntryAgeClass {
  if (age < 18) return 'under_18';
  if (age < 30) return '18_29';
  if (age < 55) return '30_54';
  return '55_plus';
}

/**
 * The age class on the entry day: known only when every age the file allows (`ageRangeAtEntry`) falls in one class,
 * so a year of birth whose two possible ages straddle a boundary, or a band that does (25–34), is unknown.
 */
export function entryAgeClass(person: Pick<Participant, 'birthYear' | 'ageBand'>, entryDate: string | null): EntryAgeClass {
  const range = ageRangeAtEntry(person, entryDate);
  if (range === null) return 'unknown';
  const youngest = classOfAge(range.min);
  return youngest === classOfAge(range.max) ? youngest : 'unknown';
}

const participantRef = { participantId: recordId };

export const recordExitInput = z
  .object({
    ...participantRef,
    /** The day the situation was checked, within four weeks of the exit. */
    checkedOn: isoDate,
    jobSearching: z.boolean(),
    inEducation: z.boolean(),
    qualification: z.boolean(),
    employed: z.boolean(),
  })
  .strict()
  // The funder counts the latest situation of the four weeks (the Commission's rule for these two results): one who
  // found work after searching is counted as employed only.
  .superRefine((value, ctx) => {
    if (value.jobSearching && value.employed) ctx.addIssue(customIssue('job_search_or_employment', ['employed']));
  });
export type RecordExitInput = z.input<typeof recordExitInput>;

export const recordFollowUpInput = z.discriminatedUnion('outcome', [
  z
    .object({
      ...participantRef,
      checkedOn: isoDate,
      outcome: z.literal('reached'),
      employed: z.boolean(),
      improved: z.boolean(),
    })
    .strict(),
  z.object({ ...participantRef, checkedOn: isoDate, outcome: z.literal('not_reached') }).strict(),
]);
export type RecordFollowUpInput = z.input<typeof recordFollowUpInput>;

/** Which part of the record a clearing removes: a wrong entry is taken away whole, to be recorded again. */
export const PARTICIPATION_PARTS = ['exit', 'followUp'] as const;
export const clearParticipationInput = z.object({ ...participantRef, part: z.enum(PARTICIPATION_PARTS) }).strict();

export const exitResult = z.object({
  checkedOn: z.string(),
  jobSearching: z.boolean(),
  inEducation: z.boolean(),
  qualification: z.boolean(),
  employed: z.boolean(),
});
export type ExitResult = z.infer<typeof exitResult>;

export const followUpResult = z.discriminatedUnion('outcome', [
  z.object({ checkedOn: z.string(), outcome: z.literal('reached'), employed: z.boolean(), improved: z.boolean() }),
  z.object({ checkedOn: z.string(), outcome: z.literal('not_reached') }),
]);
export type FollowUpResult = z.infer<typeof followUpResult>;

/** A participation as the file's funder-data form shows it. */
export const participation = z.object({
  participantId: z.string(),
  /** The first enrolment's start; null before any. */
  entryDate: z.string().nullable(),
  /** The last enrolment's end; null while one is open or before any. */
  exitDate: z.string().nullable(),
  /** The follow-up's day, once there is an exit. */
  followUpDue: z.string().nullable(),
  /** What the intake holds, as counted at entry. */
  entry: z.object({
    labourMarketStatus: z.enum(LABOUR_MARKET_STATUSES).nullable(),
    ageClass: z.enum(ENTRY_AGE_CLASSES),
    education: z.enum(EDUCATION_LEVELS).nullable(),
  }),
  exit: exitResult.nullable(),
  followUp: followUpResult.nullable(),
  /** When either part was last changed, and by whom; null while nothing is recorded. */
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type Participation = z.infer<typeof participation>;

const answer = z.object({ participation });

export const participationChannels = {
  /** The participation of one participant, for those who read files. Not audited: opening the file is. */
  'participation.get': channel('participants.read', z.object(participantRef).strict(), answer),
  /** Records (or corrects) the situation at exit; needs the consent to processing. */
  'participation.recordExit': channel('participants.write', recordExitInput, answer),
  /** Records (or corrects) the follow-up six months after exit; needs the consent to processing. */
  'participation.recordFollowUp': channel('participants.write', recordFollowUpInput, answer),
  /** Takes a wrong entry away (the exit's or the follow-up's answers, whole). */
  'participation.clear': channel('participants.write', clearParticipationInput, answer),
} as const;
