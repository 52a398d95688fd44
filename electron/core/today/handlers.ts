import { addDays, clockOf, dayOf, mondayOf } from '@shared/days';
import { roleHolds, type Role } from '@shared/roles';
import type { Session, WeekSession } from '@shared/sessions';
import { ATTENDANCE_GAP_DAYS, TODAY_LIST_MAX, type TodayPage, type TodaySession } from '@shared/today';
import { heldWithoutMarks } from '../attendance/gaps';
import { dueAssessmentsOf } from '../assessments/today';
import type { Db } from '../db/open';
import { flaggedParticipantsOf } from '../flags/in-force';
import type { HandlerGroup } from '../handler';
import { draftsOf, openFollowUps } from '../notes/today';
import { participantNamer } from '../participants/names';
import { dueFollowUpsOf } from '../participation/today';
import { openStepsOf } from '../plans/today';
import { nextAppointmentsOf } from '../psychosocial/appointments';
import { overdueReferrals } from '../referrals/repo';
import { cohortName, sessionsOfWeek } from '../sessions/week';

function sessionLine(session: Session | WeekSession, cohort: string, userId: string): TodaySession {
  return {
    sessionId: session.id,
    cohortId: session.cohortId,
    cohortName: cohort,
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    topic: session.topic,
    state: session.state,
    facilitatorName: session.facilitatorName,
    mine: session.facilitatorId === userId,
  };
}

/** The user's own first; otherwise the order given (time order) is kept, as Array.prototype.sort is stable. */
const mineFirst = <T extends { mine: boolean }>(lines: T[]): T[] => lines.sort((a, b) => Number(b.mine) - Number(a.mine));

/** Names a participant as the role may see them; a line whose participant is gone is dropped. */
function namer(db: Db, role: Role) {
  const nameOf = participantNamer(db, role);
  return <T extends { participantId: string }>(line: T) => {
    const named = nameOf(line.participantId);
    return named ? [{ ...line, ...named }] : [];
  };
}

/** A list is shown only to a role that may read what it lists. */
const when = <T>(allowed: boolean, read: () => T): T | null => (allowed ? read() : null);

/**
 * The Today page (shared/today.ts), read in one transaction through the domains' own readers. Each list is read
 * only when the role may read it; the rest are null, so a teacher's answer names no participant at all (sessions
 * and attendance gaps are the group's, not a person's).
 */
export const todayHandlers = {
  'today.get': {
    kind: 'tx',
    run: (input, { db, session, now }): TodayPage => {
      const { role, userId } = session;
      const today = dayOf(now);
      const weekStart = mondayOf(input.weekStart ?? today);
      const weekEnd = addDays(weekStart, 6);
      const name = namer(db, role);
      const sessions = when(roleHolds(role, 'programme.read'), () =>
        mineFirst(sessionsOfWeek(db, weekStart).map((s) => sessionLine(s, s.cohortName, userId))),
      );
      const cohortNames = new Map<string, string>();
      const cohortOf = (id: string) => {
        if (!cohortNames.has(id)) cohortNames.set(id, cohortName(db, id) ?? '');
        return cohortNames.get(id) ?? '';
      };
      return {
        today,
        weekStart,
        sessions: sessions ?? [],
        attendanceGaps: when(roleHolds(role, 'attendance.write'), () =>
          mineFirst(
            heldWithoutMarks(db, { since: addDays(today, -ATTENDANCE_GAP_DAYS), today, clock: clockOf(now) }).map((s) =>
              sessionLine(s, cohortOf(s.cohortId), userId),
            ),
          ),
        ),
        followUps: when(roleHolds(role, 'notes.read'), () => {
          const until = weekEnd > today ? weekEnd : today;
          const { rows, total } = openFollowUps(db, { userId, until, limit: TODAY_LIST_MAX });
          const lines = rows.flatMap(name).map((r) => ({ ...r, overdue: r.due < today }));
          return { lines, total };
        }),
        flagged: when(roleHolds(role, 'participants.read'), () => flaggedParticipantsOf(db, userId).flatMap(name)),
        drafts: when(roleHolds(role, 'notes.write'), () => draftsOf(db, userId).flatMap(name)),
        appointments: when(roleHolds(role, 'psychosocial.write'), () => nextAppointmentsOf(db, userId, today).flatMap(name)),
        overdueReferrals: when(roleHolds(role, 'referrals.write'), () => {
          const { rows, total } = overdueReferrals(db, { userId, today, limit: TODAY_LIST_MAX });
          return { lines: rows.flatMap(name), total };
        }),
        planSteps: when(roleHolds(role, 'plans.read'), () => {
          const until = weekEnd > today ? weekEnd : today;
          const { rows, total } = openStepsOf(db, { userId, until, limit: TODAY_LIST_MAX });
          return { lines: rows.flatMap(name).map((r) => ({ ...r, overdue: r.due < today })), total };
        }),
        assessments: when(roleHolds(role, 'assessments.read'), () => {
          const { rows, total } = dueAssessmentsOf(db, { userId, today, limit: TODAY_LIST_MAX });
          return { lines: rows.flatMap(name), total };
        }),
        sixMonthFollowUps: when(roleHolds(role, 'participants.write'), () => {
          // The coordinator reports to the funder, so sees every participant's; a caseworker their own.
          const everyone = role === 'coordinator';
          const { rows, total } = dueFollowUpsOf(db, { userId, today, limit: TODAY_LIST_MAX, everyone });
          return { lines: rows.flatMap(name), total };
        }),
      };
    },
  },
} satisfies HandlerGroup;
