import { useTranslation } from 'react-i18next';
import { useOpenPlace } from '../../shell/navigation';

/**
 * Says that a record cannot be made because the participant's consent is missing or withdrawn, with the way to
 * where that is put right: the participant's consent register. `alert`: it answers a refused save, and is
 * announced as one.
 */
export function ConsentGateNotice({ participantId, alert = false }: { participantId: string; alert?: boolean }) {
  const { t } = useTranslation();
  const openPlace = useOpenPlace();
  return (
    <div className="notice notice-warning" {...(alert ? { role: 'alert' } : {})}>
      <p>{t('errors.consent_required')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => openPlace({ page: 'participant', id: participantId, from: 'participants', tab: 'consents' })}
        >
          {t('consentGate.open')}
        </button>
      </div>
    </div>
  );
}
