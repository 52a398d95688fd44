import { dayOf } from '@shared/days';
import type { AttendanceGrid, AttendanceMark, AttendanceRow, DriftEntry } from '@shared/attendance';
import { AppError } from '@shared/errors';
import { addDays, mondayOf } from '@shared/days';
import type { Role } from '@shared/roles';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { findCohort, listCohorts } from '../cohorts/repo';
import { programmeName } from '../participants/projection';
import { findListedParticipant, findParticipant } from '../participants/repo';
import { programmeProblem } from '../sessions/problems';
import { findSession, listSessions } from '../sessions/repo';
import { readSettings } from '../settings/repo';
import { attendanceFigures, sessionRate, type EnrolledPeriod } from './figures';
import { participantAttendance } from './participant';
import {
  cohortMarks,
  enrolledInGroupOn,
  findMark,
  groupEnrolments,
  groupEnrolmentsOf,
  openGroupEnrolments,
  participantMarks,
  writeMark,
  type GroupEnrolment,
} from './repo';

/** A cohort that ended this many days ago still shows in the drift list, so that its last weeks get a follow-up. */
export const DRIFT_GRACE_DAYS = 14;

function nameOf(db: Db, role: Role, participantId: string): { displayName: string; pseudonym: string } {
  const participant = findListedParticipant(db, participantId);
  if (!participant) throw new Error('participant vanished');
  return programmeName(role, participant);
}

const byName = (a: { displayName: string; pseudonym: string }, b: { displayName: string; pseudonym: string }) =>
  a.displayName.localeCompare(b.displayName, 'fi') || a.pseudonym.localeCompare(b.pseudonym);

function groupByParticipant(enrolments: readonly GroupEnrolment[]): Map<string, EnrolledPeriod[]> {
  const periods = new Map<string, EnrolledPeriod[]>();
  for (const e of enrolments) {
    const list = periods.get(e.participantId) ?? [];
    list.push({ startDate: e.startDate, endDate: e.endDate });
    periods.set(e.participantId, list);
  }
  return periods;
}

function marksByParticipant(db: Db, cohortId: string): Map<string, Map<string, AttendanceMark>> {
  const byParticipant = new Map<string, Map<string, AttendanceMark>>();
  for (const row of cohortMarks(db, cohortId)) {
    const marks = byParticipant.get(row.participantId) ?? new Map<string, AttendanceMark>();
    marks.set(row.sessionId, row.mark);
    byParticipant.set(row.participantId, marks);
  }
  return byParticipant;
}

/**
 * The grid of a cohort: the week's sessions (or all of them), the participants in group mode whose enrolment
 * overlaps that period, and their figures over the whole cohort so far (not only the week shown).
 */
function buildGrid(db: Db, role: Role, cohortId: string, weekStart: string | undefined, today: string): AttendanceGrid {
  const cohort = findCohort(db, cohortId);
  if (!cohort) throw new AppError('not_found');
  const threshold = readSettings(db).attendanceThreshold;
  const sessions = listSessions(db, cohortId);
  let from: string;
  let to: string;
  if (weekStart === undefined) {
    from = [cohort.startDate, ...sessions.map((s) => s.date)].reduce((a, b) => (b < a ? b : a));
    to = [cohort.endDate, ...sessions.map((s) => s.date)].reduce((a, b) => (b > a ? b : a));
  } else {
    from = mondayOf(weekStart);
    to = addDays(from, 6);
  }
  const shown = sessions.filter((s) => s.date >= from && s.date <= to);
  const shownIds = new Set(shown.map((s) => s.id));
  const periods = groupByParticipant(groupEnrolments(db, cohortId));
  const marks = marksByParticipant(db, cohortId);

  const rows: AttendanceRow[] = [];
  for (const [participantId, own] of periods) {
    const inPeriod = own.filter((p) => p.startDate <= to && (p.endDate === null || p.endDate >= from));
    const latest = inPeriod.at(-1);
    if (!latest) continue;
    const participantMarks = marks.get(participantId) ?? new Map<string, AttendanceMark>();
    rows.push({
      participantId,
      ...nameOf(db, role, participantId),
      enrolmentStart: latest.startDate,
      enrolmentEnd: latest.endDate,
      marks: Object.fromEntries([...participantMarks].filter(([sessionId]) => shownIds.has(sessionId))),
      figures: attendanceFigures(sessions, participantMarks, own, today, threshold),
    });
  }
  rows.sort(byName);

  const sessionMarks = new Map<string, AttendanceMark[]>(shown.map((s) => [s.id, []]));
  for (const own of marks.values()) for (const [sessionId, mark] of own) sessionMarks.get(sessionId)?.push(mark);
  const sessionRates = Object.fromEntries([...sessionMarks].map(([id, given]) => [id, sessionRate(given)]));
  return { cohortId, sessions: shown, rows, sessionRates, threshold };
}

function figuresOf(db: Db, cohortId: string, participantId: string, today: string) {
  return attendanceFigures(
    listSessions(db, cohortId),
    participantMarks(db, cohortId, participantId),
    groupEnrolmentsOf(db, cohortId, participantId),
    today,
    readSettings(db).attendanceThreshold,
  );
}

/** Participants in group mode whose attendance has drifted, by cohort name then name (attendance.drift, Today). */
export function driftEntries(db: Db, role: Role, today: string): DriftEntry[] {
  const since = addDays(today, -DRIFT_GRACE_DAYS);
  const threshold = readSettings(db).attendanceThreshold;
  const entries: DriftEntry[] = [];
  const cohorts = listCohorts(db)
    .filter((c) => c.startDate <= today && c.endDate >= since)
    .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id));
  for (const cohort of cohorts) {
    const open = openGroupEnrolments(db, cohort.id);
    if (open.length === 0) continue;
    const sessions = listSessions(db, cohort.id);
    const marks = marksByParticipant(db, cohort.id);
    const flagged: DriftEntry[] = [];
    for (const enrolment of open) {
      const figures = attendanceFigures(
        sessions,
        marks.get(enrolment.participantId) ?? new Map<string, AttendanceMark>(),
        groupEnrolmentsOf(db, cohort.id, enrolment.participantId),
        today,
        threshold,
      );
      if (figures.flags.length === 0) continue;
      flagged.push({
        participantId: enrolment.participantId,
        ...nameOf(db, role, enrolment.participantId),
        cohortId: cohort.id,
        cohortName: cohort.name,
        figures,
      });
    }
    entries.push(...flagged.sort(byName));
  }
  return entries;
}

/**
 * Attendance: one mark a participant a session. Marks are audited under the participant as
 * `attendance:<sessionId>`, without the mark. Names come through the participants' projection, so a teacher sees a
 * first name and a code here as everywhere.
 */
export const attendanceHandlers = {
  'attendance.grid': {
    kind: 'tx',
    run: (input, { db, session, now }) => buildGrid(db, session.role, input.cohortId, input.weekStart, dayOf(now)),
  },

  'attendance.mark': {
    kind: 'tx',
    run: (input, { db, session: user, now }) => {
      const session = findSession(db, input.sessionId);
      if (!session) throw new AppError('not_found');
      if (!findParticipant(db, input.participantId)) throw new AppError('not_found');
      const today = dayOf(now);
      const previous = findMark(db, session.id, input.participantId);
      // Clearing a mark that is there is always possible (e.g. after the enrolment was shortened); setting one needs
      // a session held or being held in the calendar, and the participant in the group that day.
      if (!(input.mark === null && previous !== null)) {
        if (session.state === 'cancelled') throw programmeProblem('sessionId', 'sessionCancelled');
        if (session.date > today) throw programmeProblem('sessionId', 'sessionInFuture');
        if (!enrolledInGroupOn(db, session.cohortId, input.participantId, session.date))
          throw programmeProblem('participantId', 'notEnrolled');
      }
      writeMark(db, {
        sessionId: session.id,
        participantId: input.participantId,
        mark: input.mark,
        userId: user.userId,
        at: now.toISOString(),
      });
      return { previous, mark: input.mark, figures: figuresOf(db, session.cohortId, input.participantId, today) };
    },
    audit: (input) => ({
      action: 'attendance.mark',
      entity: 'participant',
      entityId: input.participantId,
      detail: `attendance:${input.sessionId}`,
    }),
  },

  'attendance.drift': {
    kind: 'tx',
    run: (_input, { db, session, now }) => driftEntries(db, session.role, dayOf(now)),
  },

  'attendance.participant': {
    kind: 'tx',
    run: (input, { db, now }) => {
      if (!findParticipant(db, input.participantId)) throw new AppError('not_found');
      const threshold = readSettings(db).attendanceThreshold;
      return { threshold, cohorts: participantAttendance(db, input.participantId, dayOf(now), threshold) };
    },
  },
} satisfies HandlerGroup;
