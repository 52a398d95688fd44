import type { ReferralSortKey, ReferralStatus, SearchReferralsInput, ServiceType, Urgency } from '@shared/referrals';
import type { Db } from '../db/open';
import { all, get } from '../db/sql';
import { isOverdue } from './repo';

/** A line of the Referrals page as read, before the reader's role names the participant. */
export interface FoundReferral {
  id: string;
  participantId: string;
  pseudonym: string;
  firstName: string | null;
  lastName: string | null;
  partnerId: string | null;
  partnerName: string;
  serviceType: ServiceType;
  urgency: Urgency;
  status: ReferralStatus;
  followUpOn: string | null;
  overdue: boolean;
  updatedAt: string;
}

type FoundRow = Omit<FoundReferral, 'overdue'>;

export type ReferralQuery = Required<Pick<SearchReferralsInput, 'offset' | 'limit'>> &
  Omit<SearchReferralsInput, 'offset' | 'limit' | 'sort' | 'direction'> & {
    sort: ReferralSortKey;
    direction: 'asc' | 'desc';
    today: string;
  };

/**
 * What each sort key orders by. Codes sort in their lifecycle or list order (the order the page's filters show
 * them), names as folded for comparison, participants as the registry sorts people: last name, first name, code. Fixed SQL chosen by the
 * validated key, never text from the request; the direction likewise. Written out rather than chosen by CASE in
 * one statement, so that SQLite can walk an index in order instead of sorting every match.
 */
const ORDER_BY: Record<ReferralSortKey, string> = {
  followUpOn: 'r.follow_up_on IS NULL, r.follow_up_on %DIR%, r.seq %DIR%',
  updatedAt: 'r.updated_at %DIR%, r.seq %DIR%',
  participant: 'p.last_name_key %DIR%, p.first_name_key %DIR%, p.pseudonym_year %DIR%, p.pseudonym_number %DIR%, r.seq %DIR%',
  partner: 'lower(r.partner_name) %DIR%, r.seq %DIR%',
  serviceType: `CASE r.service_type WHEN 'employmentServices' THEN 0 WHEN 'education' THEN 1 WHEN 'languageCourse' THEN 2
    WHEN 'healthCare' THEN 3 WHEN 'mentalHealth' THEN 4 WHEN 'legalAid' THEN 5 WHEN 'victimSupport' THEN 6
    WHEN 'housing' THEN 7 WHEN 'socialServices' THEN 8 WHEN 'tradeUnion' THEN 9 ELSE 10 END %DIR%, r.seq %DIR%`,
  status: `CASE r.status WHEN 'draft' THEN 0 WHEN 'sent' THEN 1 WHEN 'accepted' THEN 2 WHEN 'declined' THEN 3
    WHEN 'completed' THEN 4 ELSE 5 END %DIR%, r.seq %DIR%`,
  urgency: `CASE r.urgency WHEN 'routine' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END %DIR%, r.seq %DIR%`,
};

/**
 * One page of referrals across participants matching every given filter, and how many match. Only the conditions
 * of the filters given are in the statement (each a fixed text with bound values), so that SQLite can use the
 * indexes on status, partner and caseworker; the page is chosen over the referrals' order columns alone, and only
 * its rows are then read with their participants' names.
 */
export function searchReferrals(db: Db, q: ReferralQuery): { rows: FoundReferral[]; total: number } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const where = (text: string, ...bound: unknown[]) => {
    conditions.push(text);
    values.push(...bound);
  };
  if (q.status) where(`r.status IN (${q.status.map(() => '?').join(', ')})`, ...q.status);
  if (q.serviceType) where('r.service_type = ?', q.serviceType);
  if (q.partnerId) where('r.partner_id = ?', q.partnerId);
  if (q.caseworkerId) where('p.responsible_caseworker_id = ?', q.caseworkerId);
  if (q.overdue) where(`r.status = 'sent' AND r.follow_up_on < ?`, q.today);
  const filter = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const byParticipant = q.caseworkerId !== undefined || q.sort === 'participant';
  const from = `referrals r${byParticipant ? ' JOIN participants p ON p.id = r.participant_id' : ''}`;
  const order = ORDER_BY[q.sort].replaceAll('%DIR%', q.direction === 'desc' ? 'DESC' : 'ASC');
  const page = all<{ seq: number }>(db, {
    text: `SELECT r.seq FROM ${from} ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`,
    values: [...values, q.limit, q.offset],
  }).map((r) => r.seq);
  const found = all<FoundRow & { seq: number }>(db, {
    text: `SELECT r.seq, r.id, r.participant_id AS participantId, p.pseudonym, p.first_name AS firstName,
          p.last_name AS lastName, r.partner_id AS partnerId, r.partner_name AS partnerName, r.service_type AS serviceType,
          r.urgency, r.status, r.follow_up_on AS followUpOn, r.updated_at AS updatedAt
        FROM referrals r JOIN participants p ON p.id = r.participant_id
        WHERE r.seq IN (SELECT value FROM json_each(?))`,
    values: [JSON.stringify(page)],
  });
  const bySeq = new Map(found.map(({ seq, ...row }) => [seq, row]));
  const rows = page.flatMap((seq) => bySeq.get(seq) ?? []);
  const total = get<{ n: number }>(db, { text: `SELECT count(*) AS n FROM ${from} ${filter}`, values })?.n ?? 0;
  return { rows: rows.map((row) => ({ ...row, overdue: isOverdue(row.status, row.followUpOn, q.today) })), total };
}
