import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, Settings } from '@shared/api';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import { lockShortcutLabel } from '../../shell/useSessionGuards';

interface HomeScreenProps {
  session: SessionInfo;
  onOpenSettings: () => void;
}

/** The start page: a welcome, how Polku protects itself, and the coordinator's first steps. */
export function HomeScreen({ session, onOpenSettings }: HomeScreenProps) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const coordinator = roleHolds(session.role, 'vault.admin');

  useEffect(() => {
    let current = true;
    void invoke('settings.get', {}).then((result) => {
      if (current && result.ok) setSettings(result.value);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <Screen name="home" title={t('home.title', { name: session.displayName })}>
      <p className="lead">{t('home.intro')}</p>
      <ul className="facts">
        {settings ? <li>{t('home.autoLock', { count: settings.autoLockMinutes })}</li> : null}
        <li>{t('home.lockTip', { shortcut: lockShortcutLabel() })}</li>
      </ul>
      {coordinator ? (
        <Section title={t('home.firstSteps')}>
          <ol className="steps">
            <li>{t(session.recoveryPending ? 'home.stepRecoveryPending' : 'home.stepRecoveryDone')}</li>
            <li>{t('home.stepStaff')}</li>
            <li>{t('home.stepSettings')}</li>
            <li>{t('home.stepVerify')}</li>
          </ol>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={onOpenSettings}>
              {t('home.openSettings')}
            </button>
          </div>
        </Section>
      ) : null}
    </Screen>
  );
}
