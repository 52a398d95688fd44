/**
 * Sessions: the calendar of a cohort (shared/cohorts.ts). They are generated when a cohort is created
 * (shared/programme-calendar.ts skips Finnish days off) and stay editable one by one; extra ones can be added.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { clockTime, isoDate, optionalLine, optionalText, rule, singleLine } from './text-fields';
import { isMonday } from './week-topics';

export const PLACE_MAX = 120;
export const SESSION_NOTES_MAX = 4000;
export const GUEST_MAX = 200;
export const CANCEL_REASON_MAX = 300;
/** At most this many sessions a week and weeks to copy to (a cohort is at most 52 weeks). */
export const WEEK_SESSIONS_MAX = 50;
export const COPY_WEEKS_MAX = 60;

/** What a session is about: the programme's content (PROGRAMME.md, "What the coaching contains"). */
export const SESSION_TOPICS = [
  'finnish',
  'it',
  'everydayLife',
  'workingLife',
  'rightsAtWork',
  'jobSearch',
  'careerPlanning',
  'companyVisit',
  'schoolVisit',
  'guestLecture',
  'psychologistGroup',
  'other',
] as const;
export type SessionTopic = (typeof SESSION_TOPICS)[number];

export const SESSION_STATES = ['planned', 'cancelled'] as const;

export const session = z.object({
  id: z.string(),
  cohortId: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string().nullable(),
  topic: z.enum(SESSION_TOPICS).nullable(),
  /** The staff member who leads it; null while not decided. */
  facilitatorId: z.string().nullable(),
  facilitatorName: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  /** A guest speaker or visitor, as the group knows them (no personal details of participants). */
  guest: z.string().nullable(),
  /** Group notes: what was done. No personal details of participants; the form says so. */
  notes: z.string().nullable(),
  state: z.enum(SESSION_STATES),
  cancelReason: z.string().nullable(),
  /** Added by hand, not generated with the cohort's calendar. */
  extra: z.boolean(),
  /** Has a visit record (company or school visit). */
  hasVisit: z.boolean(),
});
export type Session = z.infer<typeof session>;

/** A session in the week view, across cohorts, with its cohort's period (the week view names its programme week). */
export const weekSession = session.extend({ cohortName: z.string(), cohortStartDate: z.string(), cohortEndDate: z.string() });
export type WeekSession = z.infer<typeof weekSession>;

/**
 * A change to a session; only the given fields change. Moving is a new date or time; a time range that overlaps
 * another session of the same cohort on that day is refused with `invalid_input` on `startTime`.
 */
export const updateSessionInput = z
  .object({
    id: recordId,
    date: isoDate.optional(),
    startTime: clockTime.optional(),
    endTime: clockTime.optional(),
    place: optionalLine(PLACE_MAX).optional(),
    topic: z.enum(SESSION_TOPICS).nullable().optional(),
    facilitatorId: recordId.nullable().optional(),
    partnerId: recordId.nullable().optional(),
    guest: optionalLine(GUEST_MAX).optional(),
    notes: optionalText(SESSION_NOTES_MAX).optional(),
  })
  .strict();
export type UpdateSessionInput = z.input<typeof updateSessionInput>;

/** An extra session outside the generated calendar. */
export const addSessionInput = z
  .object({
    cohortId: recordId,
    date: isoDate,
    startTime: clockTime,
    endTime: clockTime,
    place: optionalLine(PLACE_MAX).optional(),
    topic: z.enum(SESSION_TOPICS).nullable().optional(),
    facilitatorId: recordId.nullable().optional(),
  })
  .strict()
  .refine((s) => s.endTime > s.startTime, rule('end_before_start', ['endTime']));
export type AddSessionInput = z.input<typeof addSessionInput>;

/**
 * The topics of one week's sessions and, optionally, a copy of them to following weeks (shared/week-topics.ts).
 * Weeks are named by their Monday; a topic already chosen in a following week is replaced only with `overwrite`.
 */
export const planWeekTopicsInput = z
  .object({
    cohortId: recordId,
    weekStart: isoDate,
    topics: z.array(z.object({ id: recordId, topic: z.enum(SESSION_TOPICS).nullable() }).strict()).max(WEEK_SESSIONS_MAX),
    copyTo: z.array(isoDate).max(COPY_WEEKS_MAX),
    overwrite: z.boolean(),
  })
  .strict()
  .refine((p) => isMonday(p.weekStart) && p.copyTo.every(isMonday), rule('not_monday', ['copyTo']));
export type PlanWeekTopicsInput = z.input<typeof planWeekTopicsInput>;

export const cancelSessionInput = z.object({ id: recordId, reason: singleLine(CANCEL_REASON_MAX) }).strict();

export const sessionChannels = {
  /** A cohort's sessions in time order, cancelled ones included. */
  'sessions.list': channel('programme.read', z.object({ cohortId: recordId }).strict(), z.array(session)),
  /** Every cohort's sessions Monday to Sunday of the week `weekStart` falls in (answered with that Monday), in time order. */
  'sessions.week': channel(
    'programme.read',
    z.object({ weekStart: isoDate }).strict(),
    z.object({ weekStart: z.string(), sessions: z.array(weekSession) }),
  ),
  /** Changes a session (move, topic, facilitator, notes...); overlap with the cohort's other sessions is refused. */
  'sessions.update': channel('sessions.write', updateSessionInput, z.object({ session })),
  /** Adds an extra session to a cohort. */
  'sessions.add': channel('sessions.write', addSessionInput, z.object({ session })),
  /** Cancels a session with a reason; its marks stay but no longer count. */
  'sessions.cancel': channel('sessions.write', cancelSessionInput, z.object({ session })),
  /** Sets a week's topics and copies them to following weeks, in one transaction; says how many changed or were kept. */
  'sessions.planWeekTopics': channel(
    'sessions.write',
    planWeekTopicsInput,
    z.object({ changed: z.number().int().nonnegative(), kept: z.number().int().nonnegative() }),
  ),
  /** Takes a cancelled session back into the calendar (refused if another session now overlaps it). */
  'sessions.restore': channel('sessions.write', z.object({ id: recordId }).strict(), z.object({ session })),
} as const;
