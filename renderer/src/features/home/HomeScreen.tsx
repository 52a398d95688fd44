import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryFailure } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import { useCan, useSession } from '../../shell/session';
import { useOpenPlace } from '../../shell/navigation';
import { lockShortcutLabel } from '../../shell/useSessionGuards';
import { BackupReminder } from '../backup/BackupStatusLine';
import { PendingRestoreNotice } from '../backup/PendingRestoreNotice';
import { useBackupStatus } from '../backup/useBackupStatus';
import { DueNotice } from '../retention/DueNotice';
import { DriftNotice } from '../attendance/DriftNotice';
import { settingsQuery } from '../settings/queries';
import { TodaySections, type TodayFileTab } from '../today/TodaySections';

interface HomeScreenProps {
  onOpenSettings: () => void;
  onOpenRetention: () => void;
  /** Opens a cohort's page, at a session's day when a session's line opens it (the drift notice gives none). */
  onOpenCohort: (cohortId: string, day?: string) => void;
  /**
   * Opens a participant's file at a tab, with the record the tab opens in its form (a draft, an assessment's stage); the drift notice
   * offers it only to those who may read whole files.
   */
  onOpenParticipant: (participantId: string, tab?: TodayFileTab, openRecord?: string) => void;
}

/**
 * The start page, the user's Today: a welcome and how Polku protects itself, then the workday (sessions,
 * attendance, follow-ups, flagged participants, drafts, appointments), participants to reach out to, and the
 * coordinator's files due for deletion, backup reminder and first steps.
 */
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
      {coordinator ? <PendingRestore /> : null}
      <TodaySections onOpenCohort={onOpenCohort} onOpenParticipant={onOpenParticipant} />
      {readsAttendance ? (
        <DriftNotice
          onOpenCohort={onOpenCohort}
          {...(readsFiles ? { onOpenParticipant: (id: string) => onOpenParticipant(id) } : {})}
        />
      ) : null}
      {canDelete ? <DueNotice onOpen={onOpenRetention} /> : null}
      {coordinator ? <BackupDue /> : null}
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

/** A restore waiting to be kept, where the coordinator sees it first: the rest of the page may be the old data. */
function PendingRestore() {
  const { status, setStatus, query } = useBackupStatus();
  if (!status) return <QueryFailure query={query} />;
  return <PendingRestoreNotice status={status} onStatus={setStatus} />;
}

/** The backup reminder when a backup is due, with the way to the backups page of the settings. */
function BackupDue() {
  const { t } = useTranslation();
  const openPlace = useOpenPlace();
  const { status } = useBackupStatus();
  if (!status?.due) return null;
  return (
    <Section title={t('todayPage.backup.title')}>
      <BackupReminder status={status} />
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => openPlace({ page: 'settings', section: 'backups' })}
        >
          {t('todayPage.backup.open')}
        </button>
      </div>
    </Section>
  );
}
