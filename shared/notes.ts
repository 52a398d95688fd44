/**
 * Guidance notes: dated entries a caseworker writes about a participant, with every earlier version kept,
 * drafts that autosave, and full-text search (which also covers the psychosocial log). Enum values are English
 * codes; the interface translates them.
 */
import { z } from 'zod';
import { channel } from './channel';
import { participantId, recordId } from './participants';
import { isoDate, rawLine, rawText, singleLine, writtenText } from './text-fields';
import { authorship } from './authorship';

export const NOTE_TYPES = ['individual_guidance', 'phone_call', 'home_visit', 'group_follow_up', 'other'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/** The seven goals of the coaching (PROGRAMME.md), in the programme's order; a note is tagged with those it touches. */
export const NOTE_TOPICS = [
  'working_life_rights',
  'finnish_language',
  'digital_skills',
  'job_search',
  'self_confidence',
  'psychosocial_support',
  'career_study_plans',
] as const;
export type NoteTopic = (typeof NOTE_TOPICS)[number];

export const NOTE_TEXT_MAX = 20_000;
export const NOTE_TAGS_MAX = 10;
export const NOTE_TAG_MAX_LENGTH = 40;
/** The free tags as typed in the form (comma-separated), for drafts. */
export const NOTE_TAGS_TEXT_MAX = 500;
export const FOLLOW_UP_TASK_MAX = 500;
/** The earliest date a note may carry; the latest is today (checked on the main side with its clock). */
export const NOTE_DATE_MIN = '2000-01-01';

/** A note's text, as written: see writtenText. */
const noteText = writtenText(NOTE_TEXT_MAX);

const sameIgnoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Free tags: trimmed, bounded; the same tag typed twice in any case is kept once, as first typed. */
export const noteTags = z
  .array(singleLine(NOTE_TAG_MAX_LENGTH))
  .max(NOTE_TAGS_MAX)
  .transform((list) => list.filter((tag, i) => list.findIndex((other) => sameIgnoringCase(other, tag)) === i));

/** Programme goals, each at most once, in the programme's order. */
const noteTopics = z
  .array(z.enum(NOTE_TOPICS))
  .max(NOTE_TOPICS.length)
  .transform((list) => NOTE_TOPICS.filter((topic) => list.includes(topic)));

export const followUp = z
  .object({
    task: singleLine(FOLLOW_UP_TASK_MAX),
    due: isoDate,
    /** Ticked by the caseworker when the task is done. */
    done: z.boolean().default(false),
    /**
     * The staff member who is to do it (an active account that may write notes). Left out: the follow-up keeps the
     * owner it had, and a new one belongs to the note's author.
     */
    owner: recordId.optional(),
  })
  .strict();

/** Everything a caseworker fills in for a note; the same shape creates a note and replaces it on edit. */
const noteFields = {
  /** The day of the meeting or call; not in the future (checked with the main side's clock). */
  date: isoDate,
  type: z.enum(NOTE_TYPES),
  topics: noteTopics.default([]),
  tags: noteTags.default([]),
  text: noteText,
  /** A task to follow up, with its due date; null or left out when there is none. */
  followUp: followUp.nullable().default(null),
};

export const createNoteInput = z.object({ participantId, ...noteFields }).strict();
/** An edit sends the whole note; the version it replaces is kept (notes.versions). */
export const updateNoteInput = z.object({ id: recordId, ...noteFields }).strict();
export const setFollowUpDoneInput = z.object({ id: recordId, done: z.boolean() }).strict();

const followUpView = z.object({
  task: z.string(),
  due: z.string(),
  done: z.boolean(),
  /**
   * Recorded with every follow-up; null only where a row was written without one. A file handed over from another
   * office keeps its owner as that office's inactive account, as it keeps its authors: the task stays visibly
   * someone else's until a colleague here takes it on by naming themselves.
   */
  owner: z.string().nullable(),
  /** The owner's current name; null if the account is gone. */
  ownerName: z.string().nullable(),
});

/** The fields of one version of a note. */
const noteContent = {
  date: z.string(),
  type: z.enum(NOTE_TYPES),
  topics: z.array(z.enum(NOTE_TOPICS)),
  tags: z.array(z.string()),
  text: z.string(),
  followUp: followUpView.nullable(),
};

export const note = z.object({
  id: z.string(),
  participantId: z.string(),
  ...noteContent,
  /** 1 for a note never edited; each edit adds one. */
  version: z.number().int().positive(),
  ...authorship,
});
export type Note = z.infer<typeof note>;

/** One version of a note as it was saved, with who saved it and when. */
export const noteVersion = z.object({
  version: z.number().int().positive(),
  ...noteContent,
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string().nullable(),
});
export type NoteVersion = z.infer<typeof noteVersion>;

/** A draft may be incomplete: no field is required and nothing is trimmed, but everything is bounded. */
/** The note form as it stands while being written. */
export const draftFields = z
  .object({
    date: rawLine(10),
    type: z.enum(NOTE_TYPES),
    topics: z.array(z.enum(NOTE_TOPICS)).max(NOTE_TOPICS.length),
    /** The free tags as typed, comma-separated. */
    tagsText: rawLine(NOTE_TAGS_TEXT_MAX),
    text: rawText(NOTE_TEXT_MAX),
    /** Whether the follow-up task part of the form is in use. */
    hasFollowUp: z.boolean(),
    followUpTask: rawLine(FOLLOW_UP_TASK_MAX),
    followUpDue: rawLine(10),
    followUpDone: z.boolean(),
    /** The staff account chosen to do the follow-up (absent in drafts saved before owners were chosen). */
    followUpOwner: rawLine(32),
  })
  .partial()
  .strict();
export type DraftFields = z.infer<typeof draftFields>;

export const saveDraftInput = z
  .object({
    participantId,
    /** The note being edited; left out for a new note. */
    noteId: recordId.optional(),
    fields: draftFields,
  })
  .strict();

export const draft = z.object({
  id: z.string(),
  participantId: z.string(),
  noteId: z.string().nullable(),
  fields: draftFields,
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draft>;

const byParticipant = z.object({ participantId }).strict();
const byId = z.object({ id: recordId }).strict();

export const noteChannels = {
  /** A participant's notes, newest first (by date, then by when written). */
  'notes.list': channel('notes.read', byParticipant, z.object({ notes: z.array(note) })),
  /** Needs the participant's consent to processing (or the coordinator's override); audited. Deletes the writer's new-note draft. */
  'notes.create': channel('notes.write', createNoteInput, z.object({ note })),
  /**
   * Replaces a note's fields; the earlier version stays readable through notes.versions. `changed` is false when
   * nothing differed (then no version is added and nothing is audited). Deletes the writer's draft of this note.
   */
  'notes.update': channel('notes.write', updateNoteInput, z.object({ note, changed: z.boolean() })),
  /** Ticks a follow-up task done (or not done); kept as a new version like any edit, unless nothing changes. */
  'notes.setFollowUpDone': channel('notes.write', setFollowUpDoneInput, z.object({ note, changed: z.boolean() })),
  /** Every version of a note, the current one first. */
  'notes.versions': channel('notes.read', byId, z.object({ versions: z.array(noteVersion) })),
  /** Saves the caller's draft (one per participant and note, or per participant for a new note). */
  'notes.saveDraft': channel('notes.write', saveDraftInput, z.object({ draft })),
  /** The caller's own drafts for a participant; nobody reads another person's drafts. */
  'notes.drafts': channel('notes.write', byParticipant, z.object({ drafts: z.array(draft) })),
  'notes.discardDraft': channel('notes.write', byId, z.null()),
} as const;
