/**
 * A participant's file at a glance: what the Overview tab shows above the base data, read in one request. Each
 * part is read through its own domain's reader (consent standing as the guard decides it, flags in force,
 * attendance by the programme's rules, open follow-ups with their owner). A part the reader's role may not read is
 * null: a teacher gets the group, attendance and next session only (what the group page shows them anyway); the
 * notes' parts need `notes.read`, the drafts `notes.write` (a user's drafts are their own).
 */
import { z } from 'zod';
import { attendanceFigures } from './attendance';
import { channel } from './channel';
import { ENROLMENT_MODES, ENROLMENT_OUTCOMES } from './cohorts';
import { CONSENT_PURPOSES, CONSENT_STANDINGS } from './consents';
import { capped, followUpLine, todaySession } from './today';
import { FLAG_KINDS } from './flags';
import { NOTE_TYPES } from './notes';
import { recordId } from './participants';

/** How many characters of the latest note the overview shows (a few lines). */
export const OVERVIEW_NOTE_PREVIEW = 240;
/** The most open follow-ups listed; the count of all of them is given beside it. */
export const OVERVIEW_FOLLOW_UPS_MAX = 5;

export const overviewEnrolment = z.object({
  cohortId: z.string(),
  cohortName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  mode: z.enum(ENROLMENT_MODES),
  outcome: z.enum(ENROLMENT_OUTCOMES).nullable(),
  /** Attendance in this cohort as one of the group (null for individual guidance or before any group session). */
  figures: attendanceFigures.nullable(),
});

export const participantOverview = z.object({
  participantId: z.string(),
  today: z.string(),
  /** Flags in force, newest first. */
  flags: z.array(z.object({ id: z.string(), kind: z.enum(FLAG_KINDS), setAt: z.string() })).nullable(),
  /** Each purpose's standing, in the order of CONSENT_PURPOSES. */
  consents: z.array(z.object({ purpose: z.enum(CONSENT_PURPOSES), standing: z.enum(CONSENT_STANDINGS) })).nullable(),
  /** The enrolments, the open one first, then the ended ones newest first. */
  enrolments: z.array(overviewEnrolment),
  /** The attendance threshold in force, per cent, to read a rate against. */
  attendanceThreshold: z.number().int(),
  /** The open enrolment's next planned session, today's included. */
  nextSession: todaySession
    .pick({ sessionId: true, cohortId: true, cohortName: true, date: true, startTime: true, endTime: true, topic: true })
    .nullable(),
  /** Open follow-ups of the participant's notes, the user's own first, then by due date. */
  followUps: capped(
    followUpLine.pick({ noteId: true, task: true, due: true, overdue: true, ownerName: true, mine: true }),
  ).nullable(),
  /** The latest note (by its date): its first characters. */
  latestNote: z
    .object({
      id: z.string(),
      date: z.string(),
      type: z.enum(NOTE_TYPES),
      author: z.string().nullable(),
      preview: z.string(),
      /** Whether the text goes on after the preview. */
      more: z.boolean(),
    })
    .nullable(),
  /** The reader's own unfinished note drafts for this participant, the latest first. */
  drafts: z.array(z.object({ id: z.string(), noteId: z.string().nullable(), updatedAt: z.string() })).nullable(),
});
export type ParticipantOverview = z.infer<typeof participantOverview>;

export const overviewChannels = {
  /** The participant's file at a glance; parts the role may not read are null. Not audited: participants.get is. */
  'overview.participant': channel(
    'participants.readLimited',
    z.object({ participantId: recordId }).strict(),
    participantOverview,
  ),
} as const;
