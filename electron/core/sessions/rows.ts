import type { Session, SessionTopic } from '@shared/sessions';

/** A session row with the names of its facilitator and partner, as SESSION_SELECT reads it. */
export interface SessionDbRow {
  id: string;
  cohort_id: string;
  date: string;
  start_time: string;
  end_time: string;
  place: string | null;
  topic: SessionTopic | null;
  facilitator_id: string | null;
  facilitator_name: string | null;
  partner_id: string | null;
  partner_name: string | null;
  guest: string | null;
  notes: string | null;
  state: 'planned' | 'cancelled';
  cancel_reason: string | null;
  extra: number;
  has_visit: number;
}

/** Sessions (alias `s`) with their facilitator's and partner's names; add WHERE / ORDER BY after it. */
export const SESSION_SELECT = `SELECT s.id, s.cohort_id, s.date, s.start_time, s.end_time, s.place, s.topic,
    s.facilitator_id, u.display_name AS facilitator_name, s.partner_id, p.name AS partner_name, s.guest, s.notes,
    s.state, s.cancel_reason, s.extra, EXISTS (SELECT 1 FROM visits v WHERE v.session_id = s.id) AS has_visit
  FROM cohort_sessions s
  LEFT JOIN users u ON u.id = s.facilitator_id
  LEFT JOIN partners p ON p.id = s.partner_id`;

/** The order sessions are shown in everywhere: by day, then time. */
export const SESSION_ORDER = 'ORDER BY s.date, s.start_time, s.id';

export const toSession = (row: SessionDbRow): Session => ({
  id: row.id,
  cohortId: row.cohort_id,
  date: row.date,
  startTime: row.start_time,
  endTime: row.end_time,
  place: row.place,
  topic: row.topic,
  facilitatorId: row.facilitator_id,
  facilitatorName: row.facilitator_name,
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  guest: row.guest,
  notes: row.notes,
  state: row.state,
  cancelReason: row.cancel_reason,
  extra: row.extra === 1,
  hasVisit: row.has_visit === 1,
});
