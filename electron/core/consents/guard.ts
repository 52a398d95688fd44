import { AppError } from '@shared/errors';
import type { ConsentPurpose } from '@shared/consents';
import type { Db } from '../db/open';

/** Why work that needs a consent may go ahead: a consent in force, or the coordinator's override. */
export type ConsentStanding = 'consent' | 'override' | null;

/** Whether the participant has a consent in force for the purpose, or else an override that is not revoked. */
export function consentStanding(db: Db, participantId: string, purpose: ConsentPurpose): ConsentStanding {
  const consent = db
    .prepare('SELECT 1 FROM consents WHERE participant_id = ? AND purpose = ? AND withdrawn_on IS NULL LIMIT 1')
    .get(participantId, purpose);
  if (consent) return 'consent';
  const override = db
    .prepare('SELECT 1 FROM consent_overrides WHERE participant_id = ? AND purpose = ? AND revoked_at IS NULL LIMIT 1')
    .get(participantId, purpose);
  return override ? 'override' : null;
}

/**
 * Refuses work that depends on a consent the participant has not given or has withdrawn, unless the
 * coordinator has overridden it. Call it inside the handler's transaction, before writing.
 */
export function requireConsent(db: Db, participantId: string, purpose: ConsentPurpose): ConsentStanding {
  const standing = consentStanding(db, participantId, purpose);
  if (standing === null) throw new AppError('consent_required', { purpose });
  return standing;
}

/**
 * Every participant with a standing for the purpose (a consent in force, or an override not revoked): the rule of
 * `consentStanding`, read for all at once (reports).
 */
export function participantsWithStanding(db: Db, purpose: ConsentPurpose): Set<string> {
  const rows = db
    .prepare(
      `SELECT participant_id FROM consents WHERE purpose = ? AND withdrawn_on IS NULL
        UNION SELECT participant_id FROM consent_overrides WHERE purpose = ? AND revoked_at IS NULL`,
    )
    .all(purpose, purpose) as { participant_id: string }[];
  return new Set(rows.map((r) => r.participant_id));
}
