/**
 * The psychosocial support log: the psychologists' meetings with a participant. Each entry has a shareable
 * summary, which every reader of the log sees, and private notes, which only psychologists see. What a reader
 * gets is a separate output shape (`view: 'full' | 'summary'`); the summary shapes are strict, so they cannot
 * carry the private notes even by mistake (dispatch() checks every answer against them).
 * Enum values are English codes; the interface translates them.
 */
import { z } from 'zod';
import { channel } from './channel';
import { participantId, recordId } from './participants';
import { clockTime, isoDate, writtenText } from './text-fields';
import { authorship } from './authorship';

export const PSYCHOSOCIAL_KINDS = ['individual', 'group'] as const;
export type PsychosocialKind = (typeof PSYCHOSOCIAL_KINDS)[number];

/** The psychologist's view of the risk to the participant's wellbeing or safety, from none to high. */
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A meeting lasts at least a few minutes and at most a long working day (a group day). */
export const DURATION_MINUTES = { min: 5, max: 480 } as const;
export const SUMMARY_MAX = 4000;
export const PRIVATE_NOTES_MAX = 20_000;
/** The earliest date a meeting may carry; the latest is today (checked on the main side with its clock). */
export const ENTRY_DATE_MIN = '2000-01-01';
/** The latest day a next appointment may be set for: catches a mistyped year. */
export const APPOINTMENT_DATE_MAX = '2099-12-31';

/** An optional written text; blank or left out means "none" (null). */
const entryText = (max: number) =>
  writtenText(max, { min: 0 })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

/** The next appointment: a day, and the time (HH:MM, local) when it is known. */
const nextAppointmentInput = z
  .object({
    date: isoDate,
    time: clockTime.nullable().default(null),
  })
  .strict();

/** Everything a psychologist fills in; the same shape creates an entry and replaces it on edit. */
const entryFields = {
  /** The day of the meeting; not in the future (checked with the main side's clock). */
  date: isoDate,
  durationMinutes: z.number().int().min(DURATION_MINUTES.min).max(DURATION_MINUTES.max),
  kind: z.enum(PSYCHOSOCIAL_KINDS),
  riskLevel: z.enum(RISK_LEVELS),
  /** What the caseworker and the coordinator may know. */
  summary: entryText(SUMMARY_MAX),
  /** Read by psychologists only. */
  privateNotes: entryText(PRIVATE_NOTES_MAX),
  /** On or after the meeting's day; null or left out when none is agreed. */
  nextAppointment: nextAppointmentInput.nullable().default(null),
};

export const createEntryInput = z.object({ participantId, ...entryFields }).strict();
/** An edit sends the whole entry; the version it replaces is kept (psychosocial.versions). */
export const updateEntryInput = z.object({ id: recordId, ...entryFields }).strict();

const nextAppointment = z.strictObject({ date: z.string(), time: z.string().nullable() });
export type NextAppointment = z.infer<typeof nextAppointment>;

/** The fields of an entry that every reader of the log sees. */
const sharedContent = {
  date: z.string(),
  durationMinutes: z.number().int(),
  kind: z.enum(PSYCHOSOCIAL_KINDS),
  riskLevel: z.enum(RISK_LEVELS),
  summary: z.string().nullable(),
  nextAppointment: nextAppointment.nullable(),
};

const entryRecord = {
  id: z.string(),
  participantId: z.string(),
  ...sharedContent,
  /** 1 for an entry never edited; each edit adds one. */
  version: z.number().int().positive(),
  ...authorship,
};

const versionRecord = {
  version: z.number().int().positive(),
  ...sharedContent,
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string().nullable(),
};

const privateNotes = z.string().nullable();
/**
 * Set (with `privateNotes` null) when the entry has private notes that the reader, a psychologist, cannot read:
 * their key to the psychologists' sealed notes is not on this computer yet.
 */
const privateSealed = z.literal(true).optional();

/** An entry as readers without access to private notes see it. Strict: it has no place for them. */
export const summaryEntry = z.strictObject(entryRecord);
export type SummaryEntry = z.infer<typeof summaryEntry>;
/** An entry as psychologists see it, with the private notes. */
export const fullEntry = z.strictObject({ ...entryRecord, privateNotes, privateSealed });
export type FullEntry = z.infer<typeof fullEntry>;

/** One earlier (or the current) version of an entry, with who saved it and when. */
export const summaryVersion = z.strictObject(versionRecord);
export type SummaryVersion = z.infer<typeof summaryVersion>;
export const fullVersion = z.strictObject({ ...versionRecord, privateNotes, privateSealed });
export type FullVersion = z.infer<typeof fullVersion>;

/** One entry as the reader's role may see it. */
export const entryView = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('full'), entry: fullEntry }),
  z.strictObject({ view: z.literal('summary'), entry: summaryEntry }),
]);
export type EntryView = z.infer<typeof entryView>;

/** A participant's entries as the reader's role may see them, newest first. */
export const entryListView = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('full'), entries: z.array(fullEntry) }),
  z.strictObject({ view: z.literal('summary'), entries: z.array(summaryEntry) }),
]);
export type EntryListView = z.infer<typeof entryListView>;

/** Every version of an entry, the current one first, as the reader's role may see them. */
export const versionListView = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('full'), versions: z.array(fullVersion) }),
  z.strictObject({ view: z.literal('summary'), versions: z.array(summaryVersion) }),
]);
export type VersionListView = z.infer<typeof versionListView>;

/** An edited entry as the writer may see it; `changed` is false when nothing differed. */
export const updatedEntryView = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('full'), entry: fullEntry, changed: z.boolean() }),
  z.strictObject({ view: z.literal('summary'), entry: summaryEntry, changed: z.boolean() }),
]);

const byParticipant = z.object({ participantId }).strict();
const byId = z.object({ id: recordId }).strict();

export const psychosocialChannels = {
  /** A participant's entries, newest first (by date, then by when written); private notes for psychologists only. */
  'psychosocial.list': channel('psychosocial.read', byParticipant, entryListView),
  /** One entry, as the reader's role may see it. */
  'psychosocial.get': channel('psychosocial.read', byId, entryView),
  /** Needs the participant's consent to processing (or the coordinator's override); audited without contents. */
  'psychosocial.create': channel('psychosocial.write', createEntryInput, entryView),
  /**
   * Replaces an entry's fields; the earlier version, private notes included, stays readable through
   * psychosocial.versions. When nothing differed no version is added and nothing is audited.
   */
  'psychosocial.update': channel('psychosocial.write', updateEntryInput, updatedEntryView),
  /** Every version of an entry, the current one first, compartmented like the entry itself. */
  'psychosocial.versions': channel('psychosocial.read', byId, versionListView),
} as const;
