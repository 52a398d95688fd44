import { AppError } from '@shared/errors';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';
import { foldText } from '../participants/keys';

/**
 * The consent gate of a referral: whether the participant's file may be shared with `partnerName`. A
 * `partner_sharing` consent in force for that partner (names compared as the consent register compares them:
 * case, accents and extra spaces aside) allows it; else the coordinator's override for partner sharing, not
 * revoked; else nothing. A withdrawn consent is not in force, so it blocks the next move that shares.
 */
export function sharingStanding(db: Db, participantId: string, partnerName: string): 'consent' | 'override' | null {
  const consents = all<{ partner_name: string | null }>(
    db,
    sql`SELECT partner_name FROM consents
        WHERE participant_id = ${participantId} AND purpose = 'partner_sharing' AND withdrawn_on IS NULL`,
  );
  const key = foldText(partnerName);
  if (consents.some((c) => c.partner_name !== null && foldText(c.partner_name) === key)) return 'consent';
  const override = get(
    db,
    sql`SELECT 1 FROM consent_overrides
        WHERE participant_id = ${participantId} AND purpose = 'partner_sharing' AND revoked_at IS NULL`,
  );
  return override ? 'override' : null;
}

/** Refuses a move that shares without a consent for that partner or an override (`consent_required`). */
export function requireSharing(db: Db, participantId: string, partnerName: string): 'consent' | 'override' {
  const standing = sharingStanding(db, participantId, partnerName);
  if (standing === null) throw new AppError('consent_required', { purpose: 'partner_sharing' });
  return standing;
}
