import type {
  ReferralSortKey,
  ReferralStatus,
  SearchReferralsInput,
  ServiceType,
  Urgency,
} from '@shared/referrals';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';
import { isOverdue } from './repo';

/** A line of the Referrals page as read, before the reader's role names the participant. */
export interface FoundReferral {
  id: string;
  participantId: string;
  pseudonym: string;
  firstName: string | null;
  lastName: string | null;
  caseworkerName: string | null;
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
 * One page of referrals across participants matching every given filter, and how many match. As in the registry, a
 * null parameter switches its condition off so that one statement serves every combination of filters, and the sort
 * key is a bound value chosen by CASE, never text joined into the SQL. Codes sort in their lifecycle or list order
 * (the order the page's filters show them), names as the registry folds them; ties by the referral's age.
 */
export function searchReferrals(db: Db, q: ReferralQuery): { rows: FoundReferral[]; total: number } {
  const statuses = q.status ? JSON.stringify(q.status) : null;
  const serviceType = q.serviceType ?? null;
  const partner = q.partnerId ?? null;
  const caseworker = q.caseworkerId ?? null;
  const overdue = q.overdue ? q.today : null;
  const descending = q.direction === 'desc' ? 1 : 0;
  const where = sql`(${statuses} IS NULL OR r.status IN (SELECT value FROM json_each(${statuses})))
      AND (${serviceType} IS NULL OR r.service_type = ${serviceType})
      AND (${partner} IS NULL OR r.partner_id = ${partner})
      AND (${caseworker} IS NULL OR p.responsible_caseworker_id = ${caseworker})
      AND (${overdue} IS NULL OR (r.status = 'sent' AND r.follow_up_on < ${overdue}))`;
  const rows = all<FoundRow>(db, {
    text: `SELECT r.id, r.participant_id AS participantId, p.pseudonym, p.first_name AS firstName, p.last_name AS lastName,
          u.display_name AS caseworkerName, r.partner_id AS partnerId, r.partner_name AS partnerName,
          r.service_type AS serviceType, r.urgency, r.status, r.follow_up_on AS followUpOn, r.updated_at AS updatedAt
        FROM (
          SELECT r.*, CASE ?
              WHEN 'followUpOn' THEN r.follow_up_on
              WHEN 'updatedAt' THEN r.updated_at
              WHEN 'participant' THEN coalesce(p.first_name_key, '') || ' ' || coalesce(p.last_name_key, '') || ' '
                                      || printf('%04d%09d', p.pseudonym_year, p.pseudonym_number)
              WHEN 'partner' THEN lower(r.partner_name)
              WHEN 'serviceType' THEN CASE r.service_type WHEN 'employmentServices' THEN 0 WHEN 'education' THEN 1
                WHEN 'languageCourse' THEN 2 WHEN 'healthCare' THEN 3 WHEN 'mentalHealth' THEN 4 WHEN 'legalAid' THEN 5
                WHEN 'victimSupport' THEN 6 WHEN 'housing' THEN 7 WHEN 'socialServices' THEN 8 WHEN 'tradeUnion' THEN 9
                ELSE 10 END
              WHEN 'status' THEN CASE r.status WHEN 'draft' THEN 0 WHEN 'sent' THEN 1 WHEN 'accepted' THEN 2
                WHEN 'declined' THEN 3 WHEN 'completed' THEN 4 ELSE 5 END
              ELSE CASE r.urgency WHEN 'routine' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END
            END AS sort_value
          FROM referrals r JOIN participants p ON p.id = r.participant_id
          WHERE ${where.text}
        ) r JOIN participants p ON p.id = r.participant_id LEFT JOIN users u ON u.id = p.responsible_caseworker_id
        ORDER BY r.sort_value IS NULL, CASE WHEN ? = 0 THEN r.sort_value END ASC,
                 CASE WHEN ? = 1 THEN r.sort_value END DESC, r.seq
        LIMIT ? OFFSET ?`,
    values: [q.sort, ...where.values, descending, descending, q.limit, q.offset],
  });
  const total =
    get<{ n: number }>(db, {
      text: `SELECT count(*) AS n FROM referrals r JOIN participants p ON p.id = r.participant_id WHERE ${where.text}`,
      values: where.values,
    })?.n ?? 0;
  return { rows: rows.map((row) => ({ ...row, overdue: isOverdue(row.status, row.followUpOn, q.today) })), total };
}
