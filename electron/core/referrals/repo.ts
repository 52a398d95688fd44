import type {
  CompletionOutcome,
  Referral,
  ReferralEvent,
  ReferralStatus,
  ServiceType,
  SharedField,
  Urgency,
} from '@shared/referrals';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

/** The fields of a draft as stored. */
export interface DraftContent {
  partnerId: string;
  partnerName: string;
  contactId: string | null;
  contactName: string | null;
  serviceType: ServiceType;
  urgency: Urgency;
  reason: string;
  message: string | null;
  sharedFields: SharedField[];
  summary: string | null;
  followUpOn: string | null;
}

/** One move as stored. */
export interface EventContent {
  status: ReferralStatus;
  date: string;
  reason: string | null;
  outcome: CompletionOutcome | null;
  outcomeText: string | null;
  standing: 'consent' | 'override' | null;
}

interface ReferralRow {
  id: string;
  participant_id: string;
  partner_id: string | null;
  partner_name: string;
  contact_id: string | null;
  contact_name: string | null;
  service_type: ServiceType;
  urgency: Urgency;
  status: ReferralStatus;
  reason: string;
  message: string | null;
  shared_fields: string;
  summary: string | null;
  follow_up_on: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
  updated_at: string;
}

interface EventRow {
  referral_id: string;
  status: ReferralStatus;
  date: string;
  at: string;
  by_user: string;
  by_name: string | null;
  reason: string | null;
  outcome: CompletionOutcome | null;
  outcome_text: string | null;
  standing: 'consent' | 'override' | null;
}

const SELECT = sql`SELECT r.id, r.participant_id, r.partner_id, r.partner_name, r.contact_id, r.contact_name, r.service_type,
    r.urgency, r.status, r.reason, r.message, r.shared_fields, r.summary, r.follow_up_on, r.created_at, r.created_by,
    u.display_name AS created_by_name, r.updated_at
  FROM referrals r LEFT JOIN users u ON u.id = r.created_by`.text;

const EVENT_SELECT = sql`SELECT e.referral_id, e.status, e.date, e.at, e.by_user, u.display_name AS by_name, e.reason, e.outcome,
    e.outcome_text, e.standing
  FROM referral_events e LEFT JOIN users u ON u.id = e.by_user`.text;

/** Sent, not answered, and past its follow-up date on `today`. */
export const isOverdue = (status: ReferralStatus, followUpOn: string | null, today: string): boolean =>
  status === 'sent' && followUpOn !== null && followUpOn < today;

const toEvent = (row: EventRow): ReferralEvent => ({
  status: row.status,
  date: row.date,
  at: row.at,
  by: row.by_user,
  byName: row.by_name,
  reason: row.reason,
  outcome: row.outcome,
  outcomeText: row.outcome_text,
  standing: row.standing,
});

function toReferral(row: ReferralRow, events: ReferralEvent[], today: string): Referral {
  return {
    id: row.id,
    participantId: row.participant_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    serviceType: row.service_type,
    urgency: row.urgency,
    status: row.status,
    reason: row.reason,
    message: row.message,
    sharedFields: JSON.parse(row.shared_fields) as SharedField[],
    summary: row.summary,
    followUpOn: row.follow_up_on,
    overdue: isOverdue(row.status, row.follow_up_on, today),
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    events,
  };
}

export function findReferral(db: Db, id: string, today: string): Referral | null {
  const row = get<ReferralRow>(db, { text: `${SELECT} WHERE r.id = ?`, values: [id] });
  if (!row) return null;
  const events = all<EventRow>(db, { text: `${EVENT_SELECT} WHERE e.referral_id = ? ORDER BY e.seq`, values: [id] });
  return toReferral(row, events.map(toEvent), today);
}

/** A participant's referrals, the newest first, each with its moves. */
export function listReferrals(db: Db, participantId: string, today: string): Referral[] {
  const rows = all<ReferralRow>(db, {
    text: `${SELECT} WHERE r.participant_id = ? ORDER BY r.created_at DESC, r.seq DESC`,
    values: [participantId],
  });
  const events = all<EventRow>(db, {
    text: `${EVENT_SELECT} WHERE e.referral_id IN (SELECT id FROM referrals WHERE participant_id = ?) ORDER BY e.seq`,
    values: [participantId],
  });
  const byReferral = new Map<string, ReferralEvent[]>();
  for (const event of events) byReferral.set(event.referral_id, [...(byReferral.get(event.referral_id) ?? []), toEvent(event)]);
  return rows.map((row) => toReferral(row, byReferral.get(row.id) ?? [], today));
}

export function insertReferral(
  db: Db,
  r: { id: string; participantId: string; content: DraftContent; at: string; by: string },
): void {
  const c = r.content;
  run(
    db,
    sql`INSERT INTO referrals (id, participant_id, partner_id, partner_name, contact_id, contact_name, service_type, urgency,
          status, reason, message, shared_fields, summary, follow_up_on, created_at, created_by, updated_at, updated_by)
        VALUES (${r.id}, ${r.participantId}, ${c.partnerId}, ${c.partnerName}, ${c.contactId}, ${c.contactName},
          ${c.serviceType}, ${c.urgency}, 'draft', ${c.reason}, ${c.message}, ${JSON.stringify(c.sharedFields)}, ${c.summary},
          ${c.followUpOn}, ${r.at}, ${r.by}, ${r.at}, ${r.by})`,
  );
}

export function replaceDraft(db: Db, id: string, c: DraftContent, at: string, by: string): void {
  run(
    db,
    sql`UPDATE referrals SET partner_id = ${c.partnerId}, partner_name = ${c.partnerName}, contact_id = ${c.contactId},
          contact_name = ${c.contactName}, service_type = ${c.serviceType}, urgency = ${c.urgency}, reason = ${c.reason},
          message = ${c.message}, shared_fields = ${JSON.stringify(c.sharedFields)}, summary = ${c.summary},
          follow_up_on = ${c.followUpOn}, updated_at = ${at}, updated_by = ${by}
        WHERE id = ${id} AND status = 'draft'`,
  );
}

/** Records a move and sets the referral's status (and, when given, its follow-up date) in one go. */
export function recordMove(
  db: Db,
  m: { referralId: string; event: EventContent; followUpOn?: string | null; at: string; by: string },
): void {
  const e = m.event;
  run(
    db,
    sql`INSERT INTO referral_events (referral_id, status, date, at, by_user, reason, outcome, outcome_text, standing)
        VALUES (${m.referralId}, ${e.status}, ${e.date}, ${m.at}, ${m.by}, ${e.reason}, ${e.outcome}, ${e.outcomeText},
          ${e.standing})`,
  );
  if (e.status === 'draft') return;
  if (m.followUpOn !== undefined) run(db, sql`UPDATE referrals SET follow_up_on = ${m.followUpOn} WHERE id = ${m.referralId}`);
  run(db, sql`UPDATE referrals SET status = ${e.status}, updated_at = ${m.at}, updated_by = ${m.by} WHERE id = ${m.referralId}`);
}

/**
 * Referrals sent and not answered whose follow-up date is before `today`, for the Today page: the ones `userId`
 * made or whose participant they are responsible for first, then by follow-up date (the oldest first). At most
 * `limit` lines, with the count of all.
 */
export function overdueReferrals(
  db: Db,
  o: { userId: string; today: string; limit: number },
): {
  rows: {
    participantId: string;
    referralId: string;
    partnerName: string;
    serviceType: ServiceType;
    followUpOn: string;
    mine: boolean;
  }[];
  total: number;
} {
  const rows = all<{
    participantId: string;
    referralId: string;
    partnerName: string;
    serviceType: ServiceType;
    followUpOn: string;
    mine: number;
  }>(
    db,
    sql`SELECT r.participant_id AS participantId, r.id AS referralId, r.partner_name AS partnerName,
          r.service_type AS serviceType, r.follow_up_on AS followUpOn,
          (r.created_by = ${o.userId} OR p.responsible_caseworker_id = ${o.userId}) AS mine
        FROM referrals r JOIN participants p ON p.id = r.participant_id
        WHERE r.status = 'sent' AND r.follow_up_on IS NOT NULL AND r.follow_up_on < ${o.today}
        ORDER BY mine DESC, r.follow_up_on, r.seq`,
  );
  return { rows: rows.slice(0, o.limit).map((r) => ({ ...r, mine: r.mine === 1 })), total: rows.length };
}

/**
 * The referrals a partner received (each ever marked sent), the latest sent first, with the day it was sent; at
 * most `limit`, with the counts by status of all of them. Found through the partner's index.
 */
export function referralsOfPartner(
  db: Db,
  o: { partnerId: string; today: string; limit: number },
): {
  rows: {
    id: string;
    participantId: string;
    serviceType: ServiceType;
    status: ReferralStatus;
    sentOn: string;
    followUpOn: string | null;
    overdue: boolean;
  }[];
  counts: { status: ReferralStatus; count: number }[];
} {
  const rows = all<{
    id: string;
    participantId: string;
    serviceType: ServiceType;
    status: ReferralStatus;
    sentOn: string;
    followUpOn: string | null;
  }>(
    db,
    sql`SELECT r.id, r.participant_id AS participantId, r.service_type AS serviceType, r.status,
          s.date AS sentOn, r.follow_up_on AS followUpOn
        FROM referrals r
          JOIN referral_events s ON s.referral_id = r.id AND s.status = 'sent'
        WHERE r.partner_id = ${o.partnerId}
        ORDER BY s.date DESC, r.seq DESC`,
  );
  const counts = new Map<ReferralStatus, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return {
    rows: rows.slice(0, o.limit).map((row) => ({ ...row, overdue: isOverdue(row.status, row.followUpOn, o.today) })),
    counts: [...counts].map(([status, count]) => ({ status, count })),
  };
}
