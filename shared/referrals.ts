/**
 * Referrals onward: a participant sent to a partner organisation of the register for a service, tracked through a
 * lifecycle (REFERRAL_TRANSITIONS below: the main side enforces it, the file's Referrals tab offers its moves).
 * What leaves with a referral is chosen field by field from SHARED_FIELDS and nothing else; the reason is internal
 * and stays in the file.
 * Marking a referral sent needs a `partner_sharing` consent for that partner, or the coordinator's override; the
 * gate is on the main side. Enum values are English codes; the interface translates them.
 */
import { z } from 'zod';
import { channel } from './channel';
import { LOCALES } from './locales';
import { participantId, recordId } from './participants';
import { isoDate, rule, singleLine, writtenText } from './text-fields';

/** The kinds of service a participant may be referred to. */
export const SERVICE_TYPES = [
  'employmentServices',
  'education',
  'languageCourse',
  'healthCare',
  'mentalHealth',
  'legalAid',
  'victimSupport',
  'housing',
  'socialServices',
  'tradeUnion',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** draft → sent → accepted | declined; accepted → completed; withdrawn from any open step. */
export const REFERRAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses a referral is moved to (a referral is created as a draft). */
export const TARGET_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * The one transition table of a referral: from each status, the statuses it may move to. A draft is sent (or
 * withdrawn before it ever left); a sent referral is answered (accepted or declined) or withdrawn; an accepted one
 * is completed or withdrawn. Declined, completed and withdrawn are final. The main side refuses any other move
 * (electron/core/referrals/lifecycle.ts); the interface offers exactly these.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly TargetStatus[]>> = {
  draft: ['sent', 'withdrawn'],
  sent: ['accepted', 'declined', 'withdrawn'],
  accepted: ['completed', 'withdrawn'],
  declined: [],
  completed: [],
  withdrawn: [],
};

/** The statuses of a referral that has gone to the partner: only these have a letter (print/referral-letter.ts). */
export const LETTER_STATUSES: ReadonlySet<ReferralStatus> = new Set<ReferralStatus>(['sent', 'accepted', 'completed']);

export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** What came of a completed referral. */
export const COMPLETION_OUTCOMES = ['startedCourse', 'registeredJobSeeker', 'appointmentHeld', 'other'] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];

/**
 * The only parts of a participant's file that may leave with a referral, each chosen per referral. `summary` is
 * the free text written for this referral alone (the referral's own `summary`).
 */
export const SHARED_FIELDS = [
  'name',
  'birthYear',
  'languages',
  'contact',
  'workAbility',
  'education',
  'labourMarketStatus',
  'planGoals',
  'summary',
] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

/** The internal reason: why the caseworker refers; never leaves the file. */
export const REASON_MAX = 4000;
/** The message to the receiver, printed in the letter. */
export const MESSAGE_MAX = 4000;
/** The summary written for this referral, shared when `summary` is chosen. */
export const SUMMARY_MAX = 4000;
/** The reason of a decline or a withdrawal, and the line about the outcome. */
export const TRANSITION_TEXT_MAX = 1000;
export const OUTCOME_TEXT_MAX = 200;
/** The earliest day a referral's dates may carry; the latest is checked on the main side with its clock. */
export const REFERRAL_DATE_MIN = '2000-01-01';
/** The latest follow-up date: catches a mistyped year. */
export const FOLLOW_UP_MAX = '2099-12-31';

/** An optional written text; blank or left out means "none" (null). */
const optionalWriting = (max: number) =>
  writtenText(max, { min: 0 })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

const sharedFields = z
  .array(z.enum(SHARED_FIELDS))
  .max(SHARED_FIELDS.length)
  .refine((fields) => new Set(fields).size === fields.length, rule('duplicate_values'));

/** Everything a caseworker fills in on a draft; the same shape creates it and replaces it on edit. */
const draftFields = {
  /** A partner of the register (a new one is added through partners.save first). */
  partnerId: recordId,
  /** A contact person of that partner, or null. */
  contactId: recordId.nullable().default(null),
  serviceType: z.enum(SERVICE_TYPES),
  urgency: z.enum(URGENCIES),
  /** Internal: why; stays in the file. */
  reason: writtenText(REASON_MAX),
  /** To the receiver. */
  message: optionalWriting(MESSAGE_MAX),
  sharedFields: sharedFields.default([]),
  /** Written for this referral; stored only when `summary` is among the shared fields. */
  summary: optionalWriting(SUMMARY_MAX),
  /** When to look whether the partner has answered; null when none is set. */
  followUpOn: isoDate.nullable().default(null),
};

export const createReferralInput = z.object({ participantId, ...draftFields }).strict();
export type CreateReferralInput = z.input<typeof createReferralInput>;
/** Replaces a draft's fields; a referral that has left the draft status is not edited. */
export const updateReferralInput = z.object({ id: recordId, ...draftFields }).strict();
export type UpdateReferralInput = z.input<typeof updateReferralInput>;

/** A decline's or a withdrawal's reason: required. */
const transitionReason = writtenText(TRANSITION_TEXT_MAX);

/** A move to the next status, with its day (not in the future) and what that status needs. */
export const transitionReferralInput = z.discriminatedUnion('to', [
  z.strictObject({
    id: recordId,
    to: z.literal('sent'),
    date: isoDate,
    /** Sets (or clears) the follow-up date when sending; left out keeps the draft's. */
    followUpOn: isoDate.nullable().optional(),
  }),
  z.strictObject({ id: recordId, to: z.literal('accepted'), date: isoDate }),
  z.strictObject({ id: recordId, to: z.literal('declined'), date: isoDate, reason: transitionReason }),
  z.strictObject({
    id: recordId,
    to: z.literal('completed'),
    date: isoDate,
    outcome: z.enum(COMPLETION_OUTCOMES),
    /** A line about the outcome; required when the outcome is `other`. */
    outcomeText: singleLine(OUTCOME_TEXT_MAX, { min: 0 })
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
  }),
  z.strictObject({ id: recordId, to: z.literal('withdrawn'), date: isoDate, reason: transitionReason }),
]);
export type TransitionReferralInput = z.input<typeof transitionReferralInput>;

/** Why a move that shares went ahead: a consent for that partner in force, or the coordinator's override. */
export const SHARING_STANDINGS = ['consent', 'override'] as const;

/** One step of a referral's history: the status it reached, its day, who moved it and when. */
export const referralEvent = z.strictObject({
  status: z.enum(REFERRAL_STATUSES),
  date: z.string(),
  at: z.string(),
  by: z.string(),
  /** The mover's current name; null if the account is gone. */
  byName: z.string().nullable(),
  /** A decline's or a withdrawal's reason. */
  reason: z.string().nullable(),
  outcome: z.enum(COMPLETION_OUTCOMES).nullable(),
  outcomeText: z.string().nullable(),
  /** On `sent`: whether a consent or an override allowed it. */
  standing: z.enum(SHARING_STANDINGS).nullable(),
});
export type ReferralEvent = z.infer<typeof referralEvent>;

export const referral = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  /** Null once the partner is not in this register (a referral that came with a handed-over file). */
  partnerId: z.string().nullable(),
  /** The partner's name as the referral names it. */
  partnerName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  serviceType: z.enum(SERVICE_TYPES),
  urgency: z.enum(URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  reason: z.string(),
  message: z.string().nullable(),
  sharedFields: z.array(z.enum(SHARED_FIELDS)),
  summary: z.string().nullable(),
  followUpOn: z.string().nullable(),
  /** Sent, not answered, and its follow-up date has passed (by the main side's clock). */
  overdue: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  /** Every move, oldest first; the first is the draft's creation. */
  events: z.array(referralEvent),
});
export type Referral = z.infer<typeof referral>;

/** The most referrals a partner's page lists; the counts by status cover all of them. */
export const PARTNER_REFERRALS_MAX = 200;

/** A referral as its partner's page lists it: whose, for what, where it stands, and its days. */
export const partnerReferral = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  pseudonym: z.string(),
  displayName: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  status: z.enum(REFERRAL_STATUSES),
  /** The day it was marked sent. */
  sentOn: z.string(),
  followUpOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type PartnerReferral = z.infer<typeof partnerReferral>;

/**
 * The referrals a partner received (those ever marked sent; a draft has not reached it). Every role that sees the
 * partner gets the counts by status; only a role that reads referrals gets the referrals, the newest first.
 */
export const partnerReferrals = z.strictObject({
  counts: z.array(z.strictObject({ status: z.enum(REFERRAL_STATUSES), count: z.number().int().positive() })),
  total: z.number().int().nonnegative(),
  /** At most PARTNER_REFERRALS_MAX; null for a role that may not read referrals (teachers). */
  referrals: z.array(partnerReferral).nullable(),
});
export type PartnerReferrals = z.infer<typeof partnerReferrals>;

/** The columns the Referrals page sorts by; `participant` sorts as the registry sorts people: last name, first name, code. */
export const REFERRAL_SORT_KEYS = [
  'followUpOn',
  'updatedAt',
  'participant',
  'partner',
  'serviceType',
  'status',
  'urgency',
] as const;
export type ReferralSortKey = (typeof REFERRAL_SORT_KEYS)[number];

/** Rows a page of the Referrals page asks for, and the most one request may ask for. */
export const REFERRAL_PAGE_SIZE = { default: 200, max: 200 } as const;

/**
 * The Referrals page's request: every filter narrows (left out, it does not); `caseworkerId` is the participant's
 * responsible caseworker, as in the registry; `overdue` keeps the referrals sent and unanswered past their follow-up.
 */
export const searchReferralsInput = z
  .object({
    status: z
      .array(z.enum(REFERRAL_STATUSES))
      .min(1)
      .max(REFERRAL_STATUSES.length)
      .refine((values) => new Set(values).size === values.length, rule('duplicate_values'))
      .optional(),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    partnerId: recordId.optional(),
    caseworkerId: recordId.optional(),
    overdue: z.literal(true).optional(),
    sort: z.enum(REFERRAL_SORT_KEYS).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(REFERRAL_PAGE_SIZE.max).optional(),
  })
  .strict();
export type SearchReferralsInput = z.input<typeof searchReferralsInput>;

/** One line of the Referrals page: what it shows of a referral and its participant, nothing of the texts. */
export const referralRow = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  pseudonym: z.string(),
  /** The participant as the registry names them for the reader's role (the whole name, or the code). */
  participantName: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  urgency: z.enum(URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  followUpOn: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type ReferralRow = z.infer<typeof referralRow>;

export const referralPage = z.strictObject({ rows: z.array(referralRow), total: z.number().int().nonnegative() });
export type ReferralPage = z.infer<typeof referralPage>;

const byParticipant = z.object({ participantId }).strict();
const byId = z.object({ id: recordId }).strict();
const one = z.strictObject({ referral });

export const referralChannels = {
  /** A participant's referrals, the newest first. */
  'referrals.list': channel('referrals.read', byParticipant, z.strictObject({ referrals: z.array(referral) })),
  'referrals.get': channel('referrals.read', byId, one),
  /** The Referrals page across participants: one page of the matching referrals, sorted, and how many match. */
  'referrals.search': channel('referrals.read', searchReferralsInput, referralPage),
  /** A new draft; needs the participant's consent to processing (or the override). Audited without contents. */
  'referrals.create': channel('referrals.write', createReferralInput, one),
  /** Replaces a draft's fields; refused with `invalid_transition` once it has left the draft status. */
  'referrals.update': channel('referrals.write', updateReferralInput, z.strictObject({ referral, changed: z.boolean() })),
  /**
   * Moves a referral to its next status (REFERRAL_TRANSITIONS); a move that is not
   * allowed is `invalid_transition` with a sentence naming what is allowed next. `sent` needs a `partner_sharing`
   * consent for the partner in force, or the coordinator's override (`consent_required`).
   */
  'referrals.transition': channel('referrals.write', transitionReferralInput, one),
  /** What the partner's page shows of the referrals it received (partnerReferrals): counts for every role. */
  'referrals.byPartner': channel('programme.read', z.object({ partnerId: recordId }).strict(), partnerReferrals),
} as const;

/**
 * The referral letter: what the receiving partner reads, previewed, saved as a PDF or printed, in the language
 * chosen for the letter (not the interface's). It holds the agency's name, the partner and its contact person, the
 * shared fields chosen on the referral and nothing else of the file, the message, our contact person, the date, a
 * confidentiality mark and page numbers (electron/core/print/referral-letter.ts). Made only for a referral that
 * has been sent (sent, accepted or completed) and only while its partner sharing still stands: a consent for that
 * partner in force, or the coordinator's override (electron/core/referrals/gate.ts). A letter leaving the app is a
 * sharing act, so every channel needs `referrals.write`, and every PDF saved and every print is audited.
 *
 * The request: which referral's letter, in which language.
 */
export const referralLetterRequest = z.object({ id: recordId, locale: z.enum(LOCALES) }).strict();
export type ReferralLetterRequest = z.output<typeof referralLetterRequest>;

export const referralLetterChannels = {
  /**
   * The letter as it will print. Refused with `invalid_transition` for a referral that is not sent, accepted or
   * completed, and with `consent_required` (purpose `partner_sharing`) once its sharing no longer stands.
   */
  'referrals.letterPreview': channel('referrals.write', referralLetterRequest, z.object({ html: z.string() })),
  /** Asks where to save and writes the letter as a PDF; audited with the referral and the fields, never the content. */
  'referrals.letterPdf': channel(
    'referrals.write',
    referralLetterRequest,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('saved'), fileName: z.string() }),
    ]),
  ),
  /** Sends the letter to the system print dialog; a completed print is audited like a saved PDF. */
  'referrals.letterPrint': channel(
    'referrals.write',
    referralLetterRequest,
    z.discriminatedUnion('status', [z.object({ status: z.literal('cancelled') }), z.object({ status: z.literal('printed') })]),
  ),
} as const;
