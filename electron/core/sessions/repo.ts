import type { Session, SessionTopic } from '@shared/sessions';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { SESSION_ORDER, SESSION_SELECT, toSession, type SessionDbRow } from './rows';

/** A cohort's sessions in time order, cancelled ones included. */
export function listSessions(db: Db, cohortId: string): Session[] {
  return all<SessionDbRow>(db, { text: `${SESSION_SELECT} WHERE s.cohort_id = ? ${SESSION_ORDER}`, values: [cohortId] }).map(
    toSession,
  );
}

/** A cohort's sessions from `from` to `to` (both included), in time order. */
export function listSessionsBetween(db: Db, cohortId: string, from: string, to: string): Session[] {
  return all<SessionDbRow>(db, {
    text: `${SESSION_SELECT} WHERE s.cohort_id = ? AND s.date BETWEEN ? AND ? ${SESSION_ORDER}`,
    values: [cohortId, from, to],
  }).map(toSession);
}

export function findSession(db: Db, id: string): Session | undefined {
  const row = get<SessionDbRow>(db, { text: `${SESSION_SELECT} WHERE s.id = ?`, values: [id] });
  return row ? toSession(row) : undefined;
}

export interface NewSession {
  id: string;
  cohortId: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  topic: SessionTopic | null;
  facilitatorId: string | null;
  extra: boolean;
  createdAt: string;
}

export function insertSession(db: Db, s: NewSession): void {
  run(
    db,
    sql`INSERT INTO cohort_sessions (id, cohort_id, date, start_time, end_time, place, topic, facilitator_id, extra,
                                     created_at, updated_at)
        VALUES (${s.id}, ${s.cohortId}, ${s.date}, ${s.startTime}, ${s.endTime}, ${s.place}, ${s.topic},
                ${s.facilitatorId}, ${s.extra ? 1 : 0}, ${s.createdAt}, ${s.createdAt})`,
  );
}

/**
 * Whether a planned session of the cohort other than `exceptId` shares a minute with `startTime`-`endTime` on
 * `date`. Times are 'HH:MM', so comparing the text compares the times; touching ranges do not overlap.
 */
export function overlapsPlannedSession(
  db: Db,
  slot: { cohortId: string; date: string; startTime: string; endTime: string; exceptId: string | null },
): boolean {
  return (
    get(
      db,
      sql`SELECT 1 FROM cohort_sessions
          WHERE cohort_id = ${slot.cohortId} AND date = ${slot.date} AND state = 'planned'
            AND (${slot.exceptId} IS NULL OR id <> ${slot.exceptId})
            AND start_time < ${slot.endTime} AND ${slot.startTime} < end_time`,
    ) !== undefined
  );
}

/** The columns a session update writes; all of them, with the values merged from the stored session. */
export interface SessionFields {
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  topic: SessionTopic | null;
  facilitatorId: string | null;
  partnerId: string | null;
  guest: string | null;
  notes: string | null;
}

export function writeSession(db: Db, id: string, f: SessionFields, updatedAt: string): void {
  run(
    db,
    sql`UPDATE cohort_sessions SET date = ${f.date}, start_time = ${f.startTime}, end_time = ${f.endTime},
          place = ${f.place}, topic = ${f.topic}, facilitator_id = ${f.facilitatorId}, partner_id = ${f.partnerId},
          guest = ${f.guest}, notes = ${f.notes}, updated_at = ${updatedAt}
        WHERE id = ${id}`,
  );
}

/** Cancels with a reason (state 'cancelled'), or with null takes the session back into the calendar. */
export function setSessionCancelled(db: Db, id: string, reason: string | null, updatedAt: string): void {
  run(
    db,
    sql`UPDATE cohort_sessions SET state = ${reason === null ? 'planned' : 'cancelled'}, cancel_reason = ${reason},
          updated_at = ${updatedAt}
        WHERE id = ${id}`,
  );
}

/** Whether `id` is an active member of staff (who may lead a session). */
export function isActiveUser(db: Db, id: string): boolean {
  return get(db, sql`SELECT 1 FROM users WHERE id = ${id} AND active = 1`) !== undefined;
}

/** Whether a partner organisation is on the register, and whether it is still in use. */
export function partnerStatus(db: Db, id: string): 'active' | 'inactive' | undefined {
  const row = get<{ active: number }>(db, sql`SELECT active FROM partners WHERE id = ${id}`);
  if (row === undefined) return undefined;
  return row.active === 1 ? 'active' : 'inactive';
}

/** Sets one session's topic (planning by week). */
export function setSessionTopic(db: Db, id: string, topic: SessionTopic | null, updatedAt: string): void {
  run(db, sql`UPDATE cohort_sessions SET topic = ${topic}, updated_at = ${updatedAt} WHERE id = ${id}`);
}
