import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmBox } from '../../components/ConfirmBox';
import { Section } from '../../components/Section';
import { useConfirmWithPassphrase } from '../../components/useConfirmWithPassphrase';
import { useSession } from '../../shell/session';

interface RecoveryCodeSectionProps {
  onRecoveryCode: (code: string) => void;
}

/** Replaces the recovery code, after saying plainly that the old one stops working at once. */
export function RecoveryCodeSection({ onRecoveryCode }: RecoveryCodeSectionProps) {
  const session = useSession();
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, failure, confirm, passphrase } = useConfirmWithPassphrase();
  const makeNew = () => confirm('vault.newRecoveryCode', {}, (value) => onRecoveryCode(value.recoveryCode));

  return (
    <Section title={t('settings.recovery.title')}>
      <p>{t('settings.recovery.intro')}</p>
      <p className="setting-value">{t(session.recoveryPending ? 'settings.recovery.pending' : 'settings.recovery.confirmed')}</p>
      {asking ? (
        <ConfirmBox
          question={t('settings.recovery.question')}
          explanation={t('settings.recovery.warning')}
          confirmLabel={t('settings.recovery.confirm')}
          passphrase={passphrase}
          busy={busy}
          failure={failure}
          onConfirm={() => void makeNew()}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
            {t('settings.recovery.start')}
          </button>
        </div>
      )}
    </Section>
  );
}
