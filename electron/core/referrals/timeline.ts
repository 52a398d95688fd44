import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';

/**
 * Referrals on a participant's timeline: each move of each referral (drafted, sent, accepted, declined, completed,
 * withdrawn) on its day, the latest written first. The label is the status reached; the text is the partner's
 * name. The internal reason, the message and the summary stay on the referral itself. Only roles that read
 * referrals see them.
 */
export function referralTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'referrals.read')) return [];
  const rows = all<{ id: string; status: string; date: string; by_name: string | null; partner_name: string }>(
    db,
    sql`SELECT r.id, e.status, e.date, u.display_name AS by_name, r.partner_name
        FROM referral_events e JOIN referrals r ON r.id = e.referral_id LEFT JOIN users u ON u.id = e.by_user
        WHERE r.participant_id = ${participantId}
        ORDER BY e.seq DESC`,
  );
  return rows.map((row) => ({
    kind: 'referral',
    id: row.id,
    at: row.date,
    byName: row.by_name,
    label: row.status,
    text: row.partner_name,
  }));
}
