/**
 * The coaching programme around the cohorts (shared/cohorts.ts): the session calendar, attendance, partner
 * organisations and the visits made to them, and the printable week schedule.
 *
 * Sessions are generated when a cohort is created (shared/programme-calendar.ts skips Finnish days off) and stay
 * editable one by one. Attendance is one mark a participant a session. Partners and visits are the programme's own
 * records: visits say what the group learned, never anything about one participant.
 */
import { z } from 'zod';
import { channel } from './channel';
import { LOCALES } from './locales';
import { recordId } from './participants';
import { clockTime, email, isoDate, optionalLine, optionalText, phone, rule, singleLine } from './text-fields';

export const PLACE_MAX = 120;
export const SESSION_NOTES_MAX = 4000;
export const GUEST_MAX = 200;
export const CANCEL_REASON_MAX = 300;
export const PARTNER_NAME_MAX = 120;
export const PARTNER_NOTES_MAX = 4000;
export const VISIT_TEXT_MAX = 4000;
/** The share of sessions attended below which a participant is flagged, unless the coordinator sets another. */
export const ATTENDANCE_THRESHOLD = { min: 0, max: 100, default: 70 } as const;
/** Unexcused absences in a row that flag a participant. */
export const ABSENCE_STREAK_FLAG = 3;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export const isoWeekday = z.number().int().min(1).max(7);

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

/** A participant's attendance at one session. */
export const ATTENDANCE_MARKS = ['present', 'late', 'leftEarly', 'excused', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
/** Marks that count as having attended; `excused` is left out of the rate altogether, `absent` counts against it. */
export const ATTENDED_MARKS: readonly AttendanceMark[] = ['present', 'late', 'leftEarly'];

export const PARTNER_TYPES = [
  'victimSupportNgo',
  'otherNgo',
  'authority',
  'employmentServices',
  'socialServices',
  'receptionCentre',
  'employer',
  'school',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const VISIT_KINDS = ['company', 'school'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const SESSION_STATES = ['planned', 'cancelled'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Sessions

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

/** A session in the week view, across cohorts. */
export const weekSession = session.extend({ cohortName: z.string() });
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

export const cancelSessionInput = z.object({ id: recordId, reason: singleLine(CANCEL_REASON_MAX) }).strict();

// ---------------------------------------------------------------------------------------------------------------
// Attendance

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

// ---------------------------------------------------------------------------------------------------------------
// Partners and visits

export const partnerContact = z.object({
  id: z.string(),
  partnerId: z.string(),
  name: z.string(),
  /** Their title or role at the partner, e.g. "HR manager". */
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type PartnerContact = z.infer<typeof partnerContact>;

export const partnerSummary = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  active: z.boolean(),
  contacts: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
});
export type PartnerSummary = z.infer<typeof partnerSummary>;

export const visit = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionDate: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  kind: z.enum(VISIT_KINDS),
  /** What the group learned. */
  learned: z.string().nullable(),
  /** What is to be done after the visit (contacts to make, applications...), for the group. */
  followUps: z.string().nullable(),
});
export type Visit = z.infer<typeof visit>;

export const partner = partnerSummary.extend({
  notes: z.string().nullable(),
  contactList: z.array(partnerContact),
  visitList: z.array(visit),
});
export type Partner = z.infer<typeof partner>;

export const savePartnerInput = z
  .object({
    /** Absent for a new partner. */
    id: recordId.optional(),
    name: singleLine(PARTNER_NAME_MAX),
    type: z.enum(PARTNER_TYPES),
    notes: optionalText(PARTNER_NOTES_MAX),
    active: z.boolean().optional(),
  })
  .strict();
export type SavePartnerInput = z.input<typeof savePartnerInput>;

export const saveContactInput = z
  .object({
    id: recordId.optional(),
    partnerId: recordId,
    name: singleLine(120),
    role: optionalLine(120),
    phone,
    email,
  })
  .strict();
export type SaveContactInput = z.input<typeof saveContactInput>;

/** One visit a session; saving again changes it. */
export const saveVisitInput = z
  .object({
    sessionId: recordId,
    partnerId: recordId,
    kind: z.enum(VISIT_KINDS),
    learned: optionalText(VISIT_TEXT_MAX),
    followUps: optionalText(VISIT_TEXT_MAX),
  })
  .strict();
export type SaveVisitInput = z.input<typeof saveVisitInput>;

// ---------------------------------------------------------------------------------------------------------------
// The week schedule print

/** A cohort's week as the group gets it on paper: topics, times, places; no personal data. */
export const weekScheduleRequest = z
  .object({ cohortId: recordId, weekStart: isoDate, locale: z.enum(LOCALES) })
  .strict()
  .refine((r) => new Date(`${r.weekStart}T00:00:00Z`).getUTCDay() === 1, rule('not_monday', ['weekStart']));

const cancelled = z.object({ status: z.literal('cancelled') });

export const programmeChannels = {
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
  /** Takes a cancelled session back into the calendar (refused if another session now overlaps it). */
  'sessions.restore': channel('sessions.write', z.object({ id: recordId }).strict(), z.object({ session })),

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

  /** Every partner organisation, active first, by name. */
  'partners.list': channel('programme.read', z.object({}).strict(), z.array(partnerSummary)),
  'partners.get': channel('programme.read', z.object({ id: recordId }).strict(), partner),
  /** Adds or changes a partner; a name in use (case ignored) is refused on `name`. */
  'partners.save': channel('programme.write', savePartnerInput, z.object({ partner })),
  'partners.saveContact': channel('programme.write', saveContactInput, z.object({ contact: partnerContact })),
  'partners.removeContact': channel('programme.write', z.object({ id: recordId }).strict(), z.null()),
  /** Visits, newest first: of one partner, one cohort, or all. */
  'visits.list': channel(
    'programme.read',
    z.object({ partnerId: recordId.optional(), cohortId: recordId.optional() }).strict(),
    z.array(visit),
  ),
  /** Records (or changes) the visit made in a session. */
  'visits.save': channel('programme.write', saveVisitInput, z.object({ visit })),
  'visits.remove': channel('programme.write', z.object({ id: recordId }).strict(), z.null()),

  /** The week schedule as it will print, for the preview. */
  'schedule.preview': channel('programme.read', weekScheduleRequest, z.object({ html: z.string() })),
  /** Asks where to save and writes the week schedule as a PDF; audited. */
  'schedule.pdf': channel(
    'programme.read',
    weekScheduleRequest,
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('saved'), fileName: z.string() })]),
  ),
  /** Sends the week schedule to the system print dialog; audited. */
  'schedule.print': channel(
    'programme.read',
    weekScheduleRequest,
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('printed') })]),
  ),
} as const;
