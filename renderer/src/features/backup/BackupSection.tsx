import { useTranslation } from 'react-i18next';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { BackupStatusLine } from './BackupStatusLine';
import { CreateBackupForm } from './CreateBackupForm';
import { PendingRestoreNotice } from './PendingRestoreNotice';
import { ReminderForm } from './ReminderForm';
import { RestoreFlow } from './RestoreFlow';
import { useBackupStatus } from './useBackupStatus';

/** The coordinator's backups in Settings: the last one, a new one, the reminder, and restoring one. */
export function BackupSection() {
  const { t } = useTranslation();
  const { status, setStatus, query } = useBackupStatus();
  return (
    <>
      <Section title={t('backup.title')} className="backup">
        <p>{t('backup.intro')}</p>
        <QueryFailure query={query} />
        {status ? (
          <>
            <BackupStatusLine status={status} />
            <PendingRestoreNotice status={status} onStatus={setStatus} />
            <CreateBackupForm onStatus={setStatus} />
            <ReminderForm status={status} onStatus={setStatus} />
          </>
        ) : null}
      </Section>
      {status && !status.pendingRestore ? (
        <Section title={t('backup.restore.title')} className="restore">
          <RestoreFlow onStatus={setStatus} />
        </Section>
      ) : null}
    </>
  );
}
