/**
 * The Today page: what a member of staff has to do, read in one call. Each line carries the ids of what it opens
 * (a participant's file, a cohort's session, a note). What a role gets follows what it may read: a teacher only
 * sessions and the attendance still to be marked; names of participants come through the participants' projection
 * as everywhere. "Mine" is where the user facilitates the session, owns the follow-up, or is the participant's
 * responsible caseworker (for plan steps, only the last). Days are calendar days on the workstation's clock.
 *
 * The start page's other notices are read through their own channels, which carry what they show and are read once:
 * participants to reach out to (`attendance.drift`, with rates and reasons), files due for deletion
 * (`retention.due`) and the backup reminder (`backup.status`). Today does not read them a second time.
 */
import { z } from 'zod';
import { ASSESSMENT_STAGES } from './assessments';
import { channel } from './channel';
import { SERVICE_TYPES } from './referrals';
import { GOAL_KINDS, STEP_OWNERS } from './plans';
import { SESSION_STATES, SESSION_TOPICS } from './sessions';
import { isoDate } from './text-fields';

/** The most lines of one list; the count of all of them is given beside it. */
export const TODAY_LIST_MAX = 50;
/** Sessions held this many days back and still without a single attendance mark are listed. */
export const ATTENDANCE_GAP_DAYS = 28;

const named = { participantId: z.string(), pseudonym: z.string(), displayName: z.string() };

export const todaySession = z.object({
  sessionId: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  topic: z.enum(SESSION_TOPICS).nullable(),
  state: z.enum(SESSION_STATES),
  facilitatorName: z.string().nullable(),
  mine: z.boolean(),
});
export type TodaySession = z.infer<typeof todaySession>;

export const followUpLine = z.object({
  ...named,
  noteId: z.string(),
  task: z.string(),
  due: z.string(),
  overdue: z.boolean(),
  ownerName: z.string().nullable(),
  mine: z.boolean(),
});
export type FollowUpLine = z.infer<typeof followUpLine>;

/** An open step of a career and study plan, with the goal it leads to. */
export const planStepLine = z.object({
  ...named,
  stepId: z.string(),
  what: z.string(),
  owner: z.enum(STEP_OWNERS),
  due: z.string(),
  overdue: z.boolean(),
  goalKind: z.enum(GOAL_KINDS),
  goalTarget: z.string(),
});
export type PlanStepLine = z.infer<typeof planStepLine>;

export const flaggedLine = z.object({ ...named, flags: z.number().int().positive() });
export const draftLine = z.object({ ...named, draftId: z.string(), noteId: z.string().nullable(), updatedAt: z.string() });
export const appointmentLine = z.object({ ...named, entryId: z.string(), date: z.string(), time: z.string().nullable() });

/** A referral sent and not answered by its follow-up date (shared/referrals.ts). */
export const overdueReferralLine = z.object({
  ...named,
  referralId: z.string(),
  partnerName: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  followUpOn: z.string(),
  /** Made by the user, or for a participant the user is responsible for. */
  mine: z.boolean(),
});
export type OverdueReferralLine = z.infer<typeof overdueReferralLine>;

/** An assessment stage of a participant due within a week (DUE_WINDOW_DAYS in electron/core/assessments/due.ts) or overdue. */
export const dueAssessmentLine = z.object({
  ...named,
  stage: z.enum(ASSESSMENT_STAGES),
  due: z.string(),
  overdue: z.boolean(),
  /** The user is the participant's responsible caseworker. */
  mine: z.boolean(),
});
export type DueAssessmentLine = z.infer<typeof dueAssessmentLine>;

/** A six-month follow-up after a participant's exit, coming due or past its day, not yet recorded (shared/participation.ts). */
export const followUpDueLine = z.object({
  ...named,
  due: z.string(),
  overdue: z.boolean(),
  /** The user is the participant's responsible caseworker. */
  mine: z.boolean(),
});
export type FollowUpDueLine = z.infer<typeof followUpDueLine>;

/** A list cut at TODAY_LIST_MAX (or another cap) with the count of all. */
export const capped = <T extends z.ZodType>(line: T) => z.object({ lines: z.array(line), total: z.number().int().nonnegative() });

export const todayPage = z.object({
  today: z.string(),
  weekStart: z.string(),
  /** The week's sessions, the user's own first, each in time order. */
  sessions: z.array(todaySession),
  /** Sessions held (earlier, or today and over) with no attendance mark at all, the user's own first, oldest first. */
  attendanceGaps: z.array(todaySession).nullable(),
  /** Open follow-ups due by the end of the week: the user's own first, overdue before due, then by due date. */
  followUps: capped(followUpLine).nullable(),
  /** Participants the user is responsible for who have safety flags in force. */
  flagged: z.array(flaggedLine).nullable(),
  /** The user's own unfinished note drafts, the latest first. */
  drafts: z.array(draftLine).nullable(),
  /** The user's own psychosocial entries whose next appointment is today or later, soonest first. */
  appointments: z.array(appointmentLine).nullable(),
  /**
   * Referrals sent and unanswered past their follow-up date, for those who move referrals: the user's own first,
   * then the oldest follow-up date first.
   */
  overdueReferrals: capped(overdueReferralLine).nullable(),
  /**
   * Open steps of the plans of the participants the user is responsible for, due by the end of the week (so a step
   * left open past its day stays, marked overdue): overdue first, then by due date. For roles that read plans.
   */
  planSteps: capped(planStepLine).nullable(),
  /**
   * Assessment stages due this week or overdue, of every participant whose file is open: the user's own (as their
   * responsible caseworker) first, overdue before due, then by due date. For roles that read assessments.
   */
  assessments: capped(dueAssessmentLine).nullable(),
  /**
   * Six-month follow-ups after exit to make: a caseworker's own participants', everyone's for the coordinator (their
   * own first), then by due day. For roles that change files.
   */
  sixMonthFollowUps: capped(followUpDueLine).nullable(),
});
export type TodayPage = z.infer<typeof todayPage>;

export const todayInput = z
  .object({
    /** A day of the week to show (its Monday is taken); left out: the current week. */
    weekStart: isoDate.optional(),
  })
  .strict();

export const todayChannels = {
  /** Everything on the Today page; a list the role may not read is null. Not audited: it opens no file. */
  'today.get': channel('session', todayInput, todayPage),
} as const;
