import { useState } from 'react';
import './backup.css';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/backup';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useChannelAction } from '../../components/useChannelAction';
import { formatDateTime } from '../../i18n/format';

type Done = 'kept' | 'undone' | null;

/** After a restore: keep the restored data (the previous copy is removed) or put the previous data back. */
export function PendingRestoreNotice({ status, onStatus }: { status: BackupStatus; onStatus: (status: BackupStatus) => void }) {
  const { t } = useTranslation();
  const { busy, failure, run } = useChannelAction();
  const [done, setDone] = useState<Done>(null);
  const pending = status.pendingRestore;

  if (!pending) {
    return <StatusMessage tone="success">{done ? t(`backup.pending.${done}`) : null}</StatusMessage>;
  }
  return (
    <section className="notice notice-warning pending-restore" aria-labelledby="pending-restore-title">
      <h2 id="pending-restore-title">{t('backup.pending.title')}</h2>
      <p>
        {t('backup.pending.text', {
          restoredAt: formatDateTime(new Date(pending.restoredAt)),
          createdAt: formatDateTime(new Date(pending.backupCreatedAt)),
        })}
      </p>
      <ErrorMessage failure={failure} />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() =>
            void run('backup.keepRestore', {}, (next) => {
              setDone('kept');
              onStatus(next);
            })
          }
        >
          {t('backup.pending.keep')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={busy || undefined}
          onClick={() =>
            void run('backup.undoRestore', {}, (next) => {
              setDone('undone');
              onStatus(next);
            })
          }
        >
          {t('backup.pending.undo')}
        </button>
      </div>
    </section>
  );
}
