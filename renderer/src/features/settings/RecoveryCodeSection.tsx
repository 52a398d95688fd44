import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Section } from '../../components/Section';
import { useChannelAction } from '../../components/useChannelAction';
import { useSession } from '../../shell/session';

interface RecoveryCodeSectionProps {
  onRecoveryCode: (code: string) => void;
}

/** Replaces the recovery code, after saying plainly that the old one stops working at once. */
export function RecoveryCodeSection({ onRecoveryCode }: RecoveryCodeSectionProps) {
  const session = useSession();
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, failure, run } = useChannelAction();
  const makeNew = () => run('vault.newRecoveryCode', {}, (value) => onRecoveryCode(value.recoveryCode));

  return (
    <Section title={t('settings.recovery.title')}>
      <p>{t('settings.recovery.intro')}</p>
      <p className="setting-value">{t(session.recoveryPending ? 'settings.recovery.pending' : 'settings.recovery.confirmed')}</p>
      {asking ? (
        <div className="confirm-box">
          <p>{t('settings.recovery.warning')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void makeNew()}
              aria-disabled={busy || undefined}
            >
              {t('settings.recovery.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
            {t('settings.recovery.start')}
          </button>
        </div>
      )}
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
    </Section>
  );
}
