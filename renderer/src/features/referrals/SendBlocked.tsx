import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/referrals';
import { useOpenPlace } from '../../shell/navigation';
import { useCan } from '../../shell/session';

interface SendBlockedProps {
  referral: Referral;
  /** Whether the coordinator's override form is open (after the move's form). */
  overriding: boolean;
  onOverride: () => void;
}

/**
 * A send the consent gate refused: what is missing (a `partner_sharing` consent naming this partner), the way to
 * the participant's consents where it is recorded, and for the coordinator the audited override with its reason.
 */
export function SendBlocked({ referral, overriding, onOverride }: SendBlockedProps) {
  const { t } = useTranslation();
  const openPlace = useOpenPlace();
  const mayOverride = useCan('consents.override');
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        {t('referrals.moves.blocked', {
          partner: referral.partnerName,
          purpose: t('consents.purposes.partner_sharing'),
        })}
      </p>
      {mayOverride ? <p>{t('referrals.moves.blockedOverride')}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => openPlace({ page: 'participant', id: referral.participantId, from: 'participants', tab: 'consents' })}
        >
          {t('consentGate.open')}
        </button>
        {mayOverride && !overriding ? (
          <button type="button" className="button button-small button-secondary" onClick={onOverride}>
            {t('referrals.moves.override')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
