import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Settings } from '@shared/settings';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import { lockShortcutLabel } from '../../shell/useSessionGuards';
import { BackupReminder } from '../backup/BackupStatusLine';
import { PendingRestoreNotice } from '../backup/PendingRestoreNotice';
import { useBackupStatus } from '../backup/useBackupStatus';
import { DueNotice } from '../retention/DueNotice';
import { DriftNotice } from '../attendance/DriftNotice';

interface HomeScreenProps {
  session: SessionInfo;
  onOpenSettings: () => void;
  onOpenRetention: () => void;
  /** Opens a cohort's page (from the attendance drift notice). */
  onOpenCohort?: (cohortId: string) => void;
  /** Opens a participant's file, for those who may read files. */
  onOpenParticipant?: (participantId: string) => void;
}

/** The start page: a welcome, how Polku protects itself, and the coordinator's first steps. */
export function HomeScreen({ session, onOpenSettings, onOpenRetention, onOpenCohort, onOpenParticipant }: HomeScreenProps) {
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
      {coordinator ? <CoordinatorBackupNotices /> : null}
      {roleHolds(session.role, 'participants.delete') ? <DueNotice onOpen={onOpenRetention} /> : null}
      {roleHolds(session.role, 'attendance.read') ? (
        <DriftNotice
          onOpenCohort={onOpenCohort}
          {...(roleHolds(session.role, 'participants.read') && onOpenParticipant ? { onOpenParticipant } : {})}
        />
      ) : null}
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

/** A restore waiting to be kept, and the backup reminder, where the coordinator sees them first. */
function CoordinatorBackupNotices() {
  const { status, setStatus } = useBackupStatus();
  if (!status) return null;
  return (
    <>
      <PendingRestoreNotice status={status} onStatus={setStatus} />
      <BackupReminder status={status} />
    </>
  );
}
