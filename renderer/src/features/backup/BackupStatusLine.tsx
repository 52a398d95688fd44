import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/backup';
import { formatDateTime } from '../../i18n/format';

/** When and where the last backup was made, and whether the reminder says it is time for another. */
export function BackupStatusLine({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="setting-value">
        {status.lastBackupAt
          ? t('backup.last', {
              date: formatDateTime(new Date(status.lastBackupAt)),
              folder: status.lastBackupFolder ?? '—',
            })
          : t('backup.never')}
      </p>
      <BackupReminder status={status} />
    </>
  );
}

/** The reminder alone, for the home page: nothing unless a backup is due. */
export function BackupReminder({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  if (!status.due) return null;
  return (
    <p className="notice notice-warning" data-testid="backup-due">
      {status.lastBackupAt ? t('backup.due', { count: status.reminderDays }) : t('backup.dueNever')}
    </p>
  );
}
