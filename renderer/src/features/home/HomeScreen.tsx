import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryFailure } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import { useCan, useSession } from '../../shell/session';
import { lockShortcutLabel } from '../../shell/useSessionGuards';
import { BackupReminder } from '../backup/BackupStatusLine';
import { PendingRestoreNotice } from '../backup/PendingRestoreNotice';
import { useBackupStatus } from '../backup/useBackupStatus';
import { DueNotice } from '../retention/DueNotice';
import { DriftNotice } from '../attendance/DriftNotice';
import { settingsQuery } from '../settings/queries';

interface HomeScreenProps {
  onOpenSettings: () => void;
  onOpenRetention: () => void;
  /** Opens a cohort's page (from the attendance drift notice). */
  onOpenCohort?: (cohortId: string) => void;
  /** Opens a participant's file, for those who may read files. */
  onOpenParticipant?: (participantId: string) => void;
}

/** The start page: a welcome, how Polku protects itself, and the coordinator's first steps. */
export function HomeScreen({ onOpenSettings, onOpenRetention, onOpenCohort, onOpenParticipant }: HomeScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const settingsLoad = useQuery(settingsQuery());
  const settings = settingsLoad.data ?? null;
  const coordinator = useCan('vault.admin');
  const canDelete = useCan('participants.delete');
  const readsAttendance = useCan('attendance.read');
  const readsFiles = useCan('participants.read');

  return (
    <Screen name="home" title={t('home.title', { name: session.displayName })}>
      <p className="lead">{t('home.intro')}</p>
      <ul className="facts">
        {settings ? <li>{t('home.autoLock', { count: settings.autoLockMinutes })}</li> : null}
        <li>{t('home.lockTip', { shortcut: lockShortcutLabel() })}</li>
      </ul>
      <QueryFailure query={settingsLoad} />
      {coordinator ? <CoordinatorBackupNotices /> : null}
      {canDelete ? <DueNotice onOpen={onOpenRetention} /> : null}
      {readsAttendance ? (
        <DriftNotice onOpenCohort={onOpenCohort} {...(readsFiles && onOpenParticipant ? { onOpenParticipant } : {})} />
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
  const { status, setStatus, query } = useBackupStatus();
  if (!status) return <QueryFailure query={query} />;
  return (
    <>
      <PendingRestoreNotice status={status} onStatus={setStatus} />
      <BackupReminder status={status} />
    </>
  );
}
