/**
 * Attendance: one mark a participant a session, the figures made of them, and who is drifting away.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { isoDate } from './text-fields';
import { session, SESSION_TOPICS } from './sessions';

/** The share of sessions attended below which a participant is flagged, unless the coordinator sets another. */
export const ATTENDANCE_THRESHOLD = { min: 0, max: 100, default: 70 } as const;
/** Unexcused absences in a row that flag a participant. */
export const ABSENCE_STREAK_FLAG = 3;

/** A participant's attendance at one session. */
export const ATTENDANCE_MARKS = ['present', 'late', 'leftEarly', 'excused', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
/** Marks that count as having attended; `excused` is left out of the rate altogether, `absent` counts against it. */
export const ATTENDED_MARKS: readonly AttendanceMark[] = ['present', 'late', 'leftEarly'];

/** A participant's attendance figures over the sessions held so far (not cancelled, on or before today). */
export const attendanceFigures = z.object({
  /** Sessions held while enrolled that have a mark other than `excused`. */
  counted: z.number().int().nonnegative(),
  /** Of those, attended (present, late or left early). */
  attended: z.number().int().nonnegative(),
  /** attended / counted in whole per cent; null before anything is counted. */
  rate: z.number().int().min(0).max(100).nullable(),
  /** Unexcused absences in a row, ending at the latest marked session. */
  absenceStreak: z.number().int().nonnegative(),
  /** Why the participant is flagged: under the threshold, and/or absent three sessions in a row. */
  flags: z.array(z.enum(['lowRate', 'absenceStreak'])),
});
export type AttendanceFigures = z.infer<typeof attendanceFigures>;

export const attendanceMark = z.enum(ATTENDANCE_MARKS);

/** One row of the grid: the participant as the reader may see them, their marks and figures. */
export const attendanceRow = z.object({
  participantId: z.string(),
  /** The name the reader may see (first name for teachers) with the pseudonym code. */
  displayName: z.string(),
  pseudonym: z.string(),
  enrolmentStart: z.string(),
  enrolmentEnd: z.string().nullable(),
  /** sessionId -> mark, for the sessions in the grid that have one. */
  marks: z.record(z.string(), attendanceMark),
  figures: attendanceFigures,
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const attendanceGrid = z.object({
  cohortId: z.string(),
  /** The sessions shown, in time order (cancelled ones included, so that a move is visible). */
  sessions: z.array(session),
  rows: z.array(attendanceRow),
  /** sessionId -> share attended of the marks given, whole per cent; null when nobody is marked. */
  sessionRates: z.record(z.string(), z.number().int().min(0).max(100).nullable()),
  /** The threshold in force, per cent. */
  threshold: z.number().int(),
});
export type AttendanceGrid = z.infer<typeof attendanceGrid>;

export const attendanceGridInput = z
  .object({
    cohortId: recordId,
    /** The Monday of the week to show; the whole cohort when left out. */
    weekStart: isoDate.optional(),
  })
  .strict();

/** Sets (or with null, clears) one mark. The answer carries the mark before, for the one-step undo. */
export const markAttendanceInput = z
  .object({ sessionId: recordId, participantId: recordId, mark: attendanceMark.nullable() })
  .strict();

/** A participant to reach out to: in an open cohort and flagged. */
export const driftEntry = z.object({
  participantId: z.string(),
  displayName: z.string(),
  pseudonym: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  figures: attendanceFigures,
});
export type DriftEntry = z.infer<typeof driftEntry>;

/** One session held while the participant was in the group, with the mark they were given. */
export const participantMarkRow = z.object({
  sessionId: z.string(),
  date: z.string(),
  topic: z.enum(SESSION_TOPICS).nullable(),
  mark: attendanceMark,
});

/** A participant's attendance in one cohort, over the sessions held while they were in it as one of the group. */
export const participantCohortAttendance = z.object({
  cohortId: z.string(),
  cohortName: z.string(),
  figures: attendanceFigures,
  /** How many of the held sessions have each mark (excused absences included). */
  counts: z.record(attendanceMark, z.number().int().nonnegative()),
  /** The marked held sessions, newest first. */
  marks: z.array(participantMarkRow),
});
export type ParticipantCohortAttendance = z.infer<typeof participantCohortAttendance>;

export const participantAttendance = z.object({
  /** The threshold in force, per cent. */
  threshold: z.number().int(),
  /** Each cohort the participant was in as one of the group, in the order they joined. */
  cohorts: z.array(participantCohortAttendance),
});
export type ParticipantAttendance = z.infer<typeof participantAttendance>;

export const attendanceChannels = {
  /** The attendance grid of a cohort: the week's or all sessions, the group's participants, figures and flags. */
  'attendance.grid': channel('attendance.read', attendanceGridInput, attendanceGrid),
  /** Sets or clears one mark; answers with the mark before (for undo) and the participant's new figures. */
  'attendance.mark': channel(
    'attendance.write',
    markAttendanceInput,
    z.object({ previous: attendanceMark.nullable(), mark: attendanceMark.nullable(), figures: attendanceFigures }),
  ),
  /** Participants of the open cohorts whose attendance is under the threshold or who missed three in a row. */
  'attendance.drift': channel('attendance.read', z.object({}).strict(), z.array(driftEntry)),
  /** One participant's attendance in each cohort they were in as one of the group: figures, counts and marks. */
  'attendance.participant': channel('participants.read', z.object({ participantId: recordId }).strict(), participantAttendance),
} as const;
