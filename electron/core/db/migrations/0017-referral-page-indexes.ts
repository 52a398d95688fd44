import type { Migration } from '../migrate';

/**
 * The Referrals page (`referrals.search`) reads across every participant's referrals, sorted and filtered on the
 * main side. Without these, its pages sorted by last change or by partner scan the whole table and sort it, and a
 * caseworker's or a status's referrals are picked out row by row (EXPLAIN QUERY PLAN showed `SCAN r` and
 * `USE TEMP B-TREE FOR ORDER BY` for each). With them (tests/bench and README: a page of 200 of 20,000):
 *
 * - `referrals_updated`: the page sorted by last change walks the index in order.
 * - `referrals_partner_name`: sorted by partner, by the same folded name the page sorts by (`lower(partner_name)`).
 * - `referrals_participant_filters`: a caseworker's participants' referrals, narrowed by status, service type and
 *   follow-up date from the index alone, without reading each referral's texts.
 * - `referrals_status_participant`: the referrals of some statuses joined to their participants, for the sort by
 *   participant, likewise from the index.
 */
export const referralPageIndexes: Migration = {
  version: 17,
  name: '0017-referral-page-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX referrals_updated ON referrals (updated_at);
      CREATE INDEX referrals_partner_name ON referrals (lower(partner_name));
      CREATE INDEX referrals_participant_filters ON referrals (participant_id, status, service_type, follow_up_on);
      CREATE INDEX referrals_status_participant ON referrals (status, participant_id);
    `);
  },
};
