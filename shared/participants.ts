/**
 * Participants: the enums and schemas of a participant's record, shared by the form (renderer) and the
 * channels (main side). Enum values are English codes; the interface translates them.
 */
import { z } from 'zod';
import { channel } from './channel';
import { customIssue, email, isoDate, optionalLine, optionalText, phone, singleLine } from './text-fields';

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const GENDERS = ['female', 'male', 'other', 'not_disclosed'] as const;
export const SAFE_CONTACT_METHODS = [
  'phone_call',
  'text_message',
  'email',
  'through_caseworker',
  'in_person_only',
  'other',
] as const;
/** The participant's standing in the national assistance system for victims. */
export const NATIONAL_ASSISTANCE_STATUSES = ['in_system', 'applied', 'not_in_system', 'ended', 'unknown'] as const;
export const REFERRAL_SOURCE_TYPES = ['ngo', 'social_services', 'employment_services', 'reception_centre', 'other'] as const;
export const WORK_ABILITIES = ['full', 'partial', 'unknown'] as const;
/** ISCED 2011 bands, as the funder's statistics ask for them. */
export const EDUCATION_LEVELS = ['isced_0_1', 'isced_2', 'isced_3_4', 'isced_5_8', 'unknown'] as const;
export const LABOUR_MARKET_STATUSES = [
  'unemployed',
  'long_term_unemployed',
  'inactive',
  'employed',
  'self_employed',
  'in_education',
  'unknown',
] as const;
/** An intake question the funder's statistics count (third-country national, disability...): NULL until asked. */
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];
export const PARTICIPANT_STATUSES = ['referred', 'active', 'completed', 'discontinued', 'closed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The status workflow: where a participant may go from each status. A closed file stays closed. */
export const STATUS_TRANSITIONS: Record<ParticipantStatus, readonly ParticipantStatus[]> = {
  referred: ['active', 'discontinued', 'closed'],
  active: ['completed', 'discontinued'],
  completed: ['closed'],
  discontinued: ['closed'],
  closed: [],
};

export const BIRTH_YEAR_MIN = 1900;
/** Participants are adults: the youngest birth year allowed in the year `now` falls in. */
export function birthYearMax(now: Date): number {
  return now.getFullYear() - 15;
}

export const LANGUAGES_MAX = 10;
export const SAFE_CONTACT_NOTES_MAX = 2000;
export const PARTICIPANT_PAGE_SIZE = { default: 100, max: 500 } as const;

const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().optional();

/** Random 32-hex ids, as every record of Polku has. */
export const recordId = z.string().regex(/^[0-9a-f]{32}$/);
export const participantId = recordId;

const language = singleLine(40);

/** Every field a caseworker fills in; all optional, so one shape serves create and partial update. */
export const participantFields = {
  firstName: optionalLine(80).optional(),
  lastName: optionalLine(80).optional(),
  preferredName: optionalLine(80).optional(),
  birthYear: z.number().int().min(BIRTH_YEAR_MIN).max(9999).nullable().optional(),
  ageBand: optionalEnum(AGE_BANDS),
  gender: optionalEnum(GENDERS),
  languages: z
    .array(language)
    .max(LANGUAGES_MAX)
    // The same language typed twice (in any case) is kept once, as first typed.
    .transform((list) => list.filter((l, i) => list.findIndex((other) => other.toLowerCase() === l.toLowerCase()) === i))
    .optional(),
  interpreterNeeded: z.boolean().optional(),
  interpreterLanguage: optionalLine(40).optional(),
  phone: phone.optional(),
  email: email.optional(),
  safeContactMethod: optionalEnum(SAFE_CONTACT_METHODS),
  safeContactNotes: optionalText(SAFE_CONTACT_NOTES_MAX).optional(),
  nationalAssistanceStatus: optionalEnum(NATIONAL_ASSISTANCE_STATUSES),
  referralSourceType: optionalEnum(REFERRAL_SOURCE_TYPES),
  referralOrganisation: optionalLine(120).optional(),
  referralContactPerson: optionalLine(120).optional(),
  referralDate: isoDate.nullable().optional(),
  workAbility: optionalEnum(WORK_ABILITIES),
  educationIsced: optionalEnum(EDUCATION_LEVELS),
  labourMarketStatusAtEntry: optionalEnum(LABOUR_MARKET_STATUSES),
  thirdCountryNational: optionalEnum(YES_NO_UNKNOWN),
  foreignBackground: optionalEnum(YES_NO_UNKNOWN),
  /** Special-category data: read with the rest of the file, never in the limited view. */
  disability: optionalEnum(YES_NO_UNKNOWN),
  /** Homeless or affected by housing exclusion. */
  housingExclusion: optionalEnum(YES_NO_UNKNOWN),
  responsibleCaseworkerId: recordId.nullable().optional(),
};

/** A year of birth or an age band, never both: the band is for people who do not give the year. */
function yearOrBand(value: { birthYear?: number | null | undefined; ageBand?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (value.birthYear != null && value.ageBand != null) ctx.addIssue(customIssue('birth_year_or_age_band', ['ageBand']));
}

export const createParticipantInput = z
  .object({
    ...participantFields,
    /** A new file starts as referred, or as active when the coaching starts at once. */
    status: z.enum(['referred', 'active']).optional(),
    /** The user has seen the possible duplicates and creates the participant anyway. */
    confirmDuplicate: z.boolean().optional(),
  })
  .strict()
  .superRefine(yearOrBand);

/** Fields left out stay as they are; null clears a field. */
export const updateParticipantInput = z
  .object({ id: participantId, ...participantFields })
  .strict()
  .superRefine(yearOrBand);

export const setStatusInput = z
  .object({
    id: participantId,
    status: z.enum(PARTICIPANT_STATUSES),
    /** Why the participant discontinued; required for, and only for, `discontinued`. */
    reason: optionalText(500).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status === 'discontinued' && !value.reason) ctx.addIssue(customIssue('reason_required', ['reason']));
    if (value.status !== 'discontinued' && value.reason) ctx.addIssue(customIssue('reason_only_when_discontinued', ['reason']));
  });

export const PARTICIPANT_SORT_KEYS = [
  'pseudonym',
  'firstName',
  'lastName',
  'status',
  'safetyFlags',
  'cohort',
  'referralDate',
  'createdAt',
  'updatedAt',
] as const;
export type ParticipantSortKey = (typeof PARTICIPANT_SORT_KEYS)[number];
/** What a reader with the limited view may filter and sort by: only what that view shows. */
export const LIMITED_SORT_KEYS: readonly ParticipantSortKey[] = ['pseudonym', 'firstName', 'cohort'];

export const listParticipantsInput = z
  .object({
    status: z.array(z.enum(PARTICIPANT_STATUSES)).max(PARTICIPANT_STATUSES.length).optional(),
    responsibleCaseworkerId: recordId.optional(),
    /** Participants whose open enrolment is in this cohort; the limited view may filter by it, as it shows it. */
    cohortId: recordId.optional(),
    /** Only participants with a safety flag in force (not for the limited view, which shows no flags). */
    flagged: z.literal(true).optional(),
    /** Quick search over pseudonym and names; case and accents are ignored. */
    search: singleLine(80, { min: 0 }).optional(),
    sort: z.enum(PARTICIPANT_SORT_KEYS).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(PARTICIPANT_PAGE_SIZE.max).optional(),
  })
  .strict();

const nullableEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable();

/** A participant's whole record, for staff who may read case files. */
export const participant = z.object({
  id: z.string(),
  pseudonym: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  preferredName: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  ageBand: nullableEnum(AGE_BANDS),
  gender: nullableEnum(GENDERS),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  safeContactMethod: nullableEnum(SAFE_CONTACT_METHODS),
  safeContactNotes: z.string().nullable(),
  nationalAssistanceStatus: nullableEnum(NATIONAL_ASSISTANCE_STATUSES),
  referralSourceType: nullableEnum(REFERRAL_SOURCE_TYPES),
  referralOrganisation: z.string().nullable(),
  referralContactPerson: z.string().nullable(),
  referralDate: z.string().nullable(),
  workAbility: nullableEnum(WORK_ABILITIES),
  educationIsced: nullableEnum(EDUCATION_LEVELS),
  labourMarketStatusAtEntry: nullableEnum(LABOUR_MARKET_STATUSES),
  thirdCountryNational: nullableEnum(YES_NO_UNKNOWN),
  foreignBackground: nullableEnum(YES_NO_UNKNOWN),
  disability: nullableEnum(YES_NO_UNKNOWN),
  housingExclusion: nullableEnum(YES_NO_UNKNOWN),
  responsibleCaseworkerId: z.string().nullable(),
  /** The caseworker's current name, so that readers without access to staff accounts can see it. */
  responsibleCaseworkerName: z.string().nullable(),
  status: z.enum(PARTICIPANT_STATUSES),
  discontinuedReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
});
export type Participant = z.infer<typeof participant>;

/** What a teacher sees: the pseudonym, the first name and the current cohort, and the id to open it with. */
export const limitedParticipant = z.object({
  id: z.string(),
  pseudonym: z.string(),
  firstName: z.string().nullable(),
  cohortName: z.string().nullable(),
});
export type LimitedParticipant = z.infer<typeof limitedParticipant>;

/** A registry table row: no contact details or notes, which only the opened file shows; the current cohort. */
export const participantRow = participant
  .pick({
    id: true,
    pseudonym: true,
    firstName: true,
    lastName: true,
    preferredName: true,
    birthYear: true,
    ageBand: true,
    gender: true,
    languages: true,
    interpreterNeeded: true,
    nationalAssistanceStatus: true,
    referralSourceType: true,
    referralDate: true,
    workAbility: true,
    responsibleCaseworkerId: true,
    responsibleCaseworkerName: true,
    status: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({
    cohortId: z.string().nullable(),
    cohortName: z.string().nullable(),
    /** How many safety flags are in force. */
    safetyFlags: z.number().int().nonnegative(),
  });
export type ParticipantRow = z.infer<typeof participantRow>;

/** One participant as the reader's role may see it. */
export const participantView = z.discriminatedUnion('view', [
  z.object({ view: z.literal('full'), participant }),
  z.object({ view: z.literal('limited'), participant: limitedParticipant }),
]);
export type ParticipantView = z.infer<typeof participantView>;

/** A page of the registry as the reader's role may see it, with the number of all matching rows. */
export const participantPage = z.discriminatedUnion('view', [
  z.object({ view: z.literal('full'), rows: z.array(participantRow), total: z.number().int() }),
  z.object({ view: z.literal('limited'), rows: z.array(limitedParticipant), total: z.number().int() }),
]);
export type ParticipantPage = z.infer<typeof participantPage>;

/** A member of staff who can be made responsible for a participant. */
export const caseworkerOption = z.object({ id: z.string(), displayName: z.string() });

/** The second step of deleting a participant: the pseudonym code typed back, as a check of intent. */
export const deleteParticipantInput = z.object({ id: participantId, confirmPseudonym: singleLine(20) }).strict();

/** What deleting a participant would remove: rows per table (table names are not personal data). */
export const deletionPreview = z.object({
  pseudonym: z.string(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

const empty = z.object({}).strict();

export const participantChannels = {
  /** The participant registry, one page, as the reader's role may see it (see shared/roles.ts). */
  'participants.list': channel('participants.readLimited', listParticipantsInput, participantPage),
  /** Opens one participant's file, as the reader's role may see it; every open is audited. */
  'participants.get': channel('participants.readLimited', z.object({ id: participantId }).strict(), participantView),
  /** Refused with `possible_duplicate` (pseudonyms in details.matches) unless `confirmDuplicate` is set. */
  'participants.create': channel('participants.write', createParticipantInput, z.object({ participant })),
  /** `changed` names the fields whose values changed; the audit record holds those names, never values. */
  'participants.update': channel(
    'participants.write',
    updateParticipantInput,
    z.object({ participant, changed: z.array(z.string()) }),
  ),
  /** Moves a participant along the status workflow (STATUS_TRANSITIONS); others fail with `invalid_transition`. */
  'participants.setStatus': channel('participants.write', setStatusInput, z.object({ participant })),
  /** The first step of deleting a participant: what would be removed. Coordinator only. */
  'participants.deletionPreview': channel('participants.delete', z.object({ id: participantId }).strict(), deletionPreview),
  /**
   * Removes the participant and every row that belongs to them, from every table and full-text index, in
   * one transaction. Refused with `invalid_input` (confirmPseudonym) unless the pseudonym code is typed back.
   */
  'participants.delete': channel('participants.delete', deleteParticipantInput, z.null()),
  /** Active staff who can be responsible for a participant (caseworkers and coordinators). */
  'participants.caseworkers': channel('participants.read', empty, z.array(caseworkerOption)),
} as const;
