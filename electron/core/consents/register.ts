import { CONSENT_PURPOSES, type ConsentRegister, type ConsentStandingCode } from '@shared/consents';
import type { Db } from '../db/open';
import { consentStanding } from './guard';
import { listConsents, listOverrides } from './repo';

/**
 * A participant's consent register: per purpose its standing and its whole history. The standing comes from
 * the same check that guards the work (requireConsent), so the register never says otherwise than the guard.
 */
export function consentRegisterOf(db: Db, participantId: string): ConsentRegister {
  const consents = listConsents(db, participantId);
  const overrides = listOverrides(db, participantId);
  return {
    participantId,
    purposes: CONSENT_PURPOSES.map((purpose) => {
      const own = consents.filter((c) => c.purpose === purpose).map(({ participantId: _, ...record }) => record);
      const inForce = consentStanding(db, participantId, purpose);
      const standing: ConsentStandingCode = inForce ?? (own.length > 0 ? 'withdrawn' : 'missing');
      return {
        purpose,
        standing,
        consents: own,
        overrides: overrides.filter((o) => o.purpose === purpose).map(({ participantId: _, ...record }) => record),
      };
    }),
  };
}
