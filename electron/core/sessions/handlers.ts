import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { Session } from '@shared/sessions';
import { addDays, mondayOf } from '@shared/days';
import { planWeekTopics } from '@shared/week-topics';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { findCohort } from '../cohorts/repo';
import { sessionsOfWeek } from './week';
import { programmeProblem } from './problems';
import {
  findSession,
  insertSession,
  isActiveUser,
  listSessions,
  overlapsPlannedSession,
  partnerStatus,
  setSessionCancelled,
  setSessionTopic,
  writeSession,
  type SessionFields,
} from './repo';

const newId = () => randomBytes(16).toString('hex');

/** The fields of sessions.update that change something; listed in the audit by name only. */
const UPDATE_FIELDS = [
  'date',
  'startTime',
  'endTime',
  'place',
  'topic',
  'facilitatorId',
  'partnerId',
  'guest',
  'notes',
] as const satisfies readonly (keyof SessionFields)[];

function storedSession(session: Session | undefined): Session {
  if (!session) throw new Error('session vanished');
  return session;
}

function existingSession(db: Db, id: string): Session {
  const session = findSession(db, id);
  if (!session) throw new AppError('not_found');
  return session;
}

/**
 * The rules a session must keep whatever changed it: an end after its start, no minute shared with another planned
 * session of the cohort on that day (a cancelled one is checked when it is restored), an active facilitator and an
 * active partner. The first one broken is refused on its field. People and partners are checked only when they are
 * newly chosen, so a session whose partner has since been marked inactive can still be edited.
 */
function assertSlot(
  db: Db,
  slot: { id: string | null; cohortId: string; date: string; startTime: string; endTime: string; planned: boolean },
): void {
  if (slot.endTime <= slot.startTime) throw programmeProblem('endTime', 'endBeforeStart');
  if (slot.planned && overlapsPlannedSession(db, { ...slot, exceptId: slot.id })) throw programmeProblem('startTime', 'overlap');
}

function assertPeople(db: Db, fields: { facilitatorId: string | null; partnerId: string | null }): void {
  if (fields.facilitatorId !== null && !isActiveUser(db, fields.facilitatorId))
    throw programmeProblem('facilitatorId', 'facilitatorUnknown');
  if (fields.partnerId === null) return;
  const partner = partnerStatus(db, fields.partnerId);
  if (partner === undefined) throw programmeProblem('partnerId', 'partnerUnknown');
  if (partner === 'inactive') throw programmeProblem('partnerId', 'partnerInactive');
}

/**
 * A cohort's session calendar, one session at a time. Audited under the session with the names of the changed
 * fields (never the notes, guest or reason themselves).
 */
export const sessionHandlers = {
  'sessions.list': {
    kind: 'tx',
    run: (input, { db }) => {
      if (!findCohort(db, input.cohortId)) throw new AppError('not_found');
      return listSessions(db, input.cohortId);
    },
  },

  /** A day that is not a Monday stands for its week: the answer names the Monday it used. */
  'sessions.week': {
    kind: 'tx',
    run: ({ weekStart }, { db }) => {
      const monday = mondayOf(weekStart);
      return { weekStart: monday, sessions: sessionsOfWeek(db, monday) };
    },
  },

  'sessions.update': {
    kind: 'tx',
    run: (input, { db, now }) => {
      const before = existingSession(db, input.id);
      const after: SessionFields = {
        date: input.date ?? before.date,
        startTime: input.startTime ?? before.startTime,
        endTime: input.endTime ?? before.endTime,
        place: input.place === undefined ? before.place : input.place,
        topic: input.topic === undefined ? before.topic : input.topic,
        facilitatorId: input.facilitatorId === undefined ? before.facilitatorId : input.facilitatorId,
        partnerId: input.partnerId === undefined ? before.partnerId : input.partnerId,
        guest: input.guest === undefined ? before.guest : input.guest,
        notes: input.notes === undefined ? before.notes : input.notes,
      };
      assertSlot(db, { ...after, id: before.id, cohortId: before.cohortId, planned: before.state === 'planned' });
      assertPeople(db, {
        facilitatorId: after.facilitatorId === before.facilitatorId ? null : after.facilitatorId,
        partnerId: after.partnerId === before.partnerId ? null : after.partnerId,
      });
      writeSession(db, before.id, after, now.toISOString());
      return { session: storedSession(findSession(db, before.id)) };
    },
    audit: (input) => {
      const changed = UPDATE_FIELDS.filter((field) => input[field] !== undefined);
      return {
        action: 'sessions.update',
        entity: 'session',
        entityId: input.id,
        ...(changed.length > 0 ? { detail: changed.join(',') } : {}),
      };
    },
  },

  'sessions.add': {
    kind: 'tx',
    run: (input, { db, now }) => {
      const cohort = findCohort(db, input.cohortId);
      if (!cohort) throw new AppError('not_found');
      const facilitatorId = input.facilitatorId ?? null;
      assertSlot(db, { ...input, id: null, planned: true });
      assertPeople(db, { facilitatorId, partnerId: null });
      const id = newId();
      insertSession(db, {
        id,
        cohortId: cohort.id,
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        place: input.place === undefined ? cohort.place : input.place,
        topic: input.topic ?? null,
        facilitatorId,
        extra: true,
        createdAt: now.toISOString(),
      });
      return { session: storedSession(findSession(db, id)) };
    },
    audit: (input, output) => ({
      action: 'sessions.add',
      entity: 'session',
      entityId: output.session.id,
      detail: `cohort:${input.cohortId}`,
    }),
  },

  'sessions.cancel': {
    kind: 'tx',
    run: (input, { db, now }) => {
      const session = existingSession(db, input.id);
      if (session.state === 'cancelled') throw programmeProblem('id', 'alreadyCancelled');
      setSessionCancelled(db, session.id, input.reason, now.toISOString());
      return { session: storedSession(findSession(db, session.id)) };
    },
    audit: (input) => ({ action: 'sessions.cancel', entity: 'session', entityId: input.id }),
  },

  /**
   * A week's topics and their copy to following weeks, all or nothing. Every session named in `topics` must be a
   * session of the cohort in that week; a cancelled one is refused on `topics` (the form does not offer it).
   */
  'sessions.planWeekTopics': {
    kind: 'tx',
    run: (input, { db, now }) => {
      if (!findCohort(db, input.cohortId)) throw new AppError('not_found');
      const sessions = listSessions(db, input.cohortId);
      const week = new Map(
        sessions.filter((s) => s.date >= input.weekStart && s.date <= addDays(input.weekStart, 6)).map((s) => [s.id, s]),
      );
      for (const change of input.topics) {
        const session = week.get(change.id);
        if (!session) throw new AppError('not_found');
        if (session.state === 'cancelled') throw programmeProblem('topics', 'sessionCancelled');
      }
      const plan = planWeekTopics(sessions, input.weekStart, input.topics, input.copyTo, input.overwrite);
      const updatedAt = now.toISOString();
      for (const change of plan.changes) setSessionTopic(db, change.id, change.topic, updatedAt);
      return { changed: plan.changes.length, kept: plan.kept };
    },
    audit: (input, output) => ({
      action: 'sessions.planWeekTopics',
      entity: 'cohort',
      entityId: input.cohortId,
      detail: `week:${input.weekStart} copies:${input.copyTo.length} changed:${output.changed} kept:${output.kept}`,
    }),
  },

  'sessions.restore': {
    kind: 'tx',
    run: (input, { db, now }) => {
      const session = existingSession(db, input.id);
      if (session.state !== 'cancelled') throw programmeProblem('id', 'notCancelled');
      assertSlot(db, { ...session, planned: true });
      setSessionCancelled(db, session.id, null, now.toISOString());
      return { session: storedSession(findSession(db, session.id)) };
    },
    audit: (input) => ({ action: 'sessions.restore', entity: 'session', entityId: input.id }),
  },
} satisfies HandlerGroup;
