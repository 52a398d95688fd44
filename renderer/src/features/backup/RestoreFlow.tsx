import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus, BackupSummary } from '@shared/backup';
import { ConfirmBox } from '../../components/ConfirmBox';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { useChannelAction } from '../../components/useChannelAction';
import { useChannelForm } from '../../components/useChannelForm';
import { formatDateTime } from '../../i18n/format';
import { BackupSummaryView } from './BackupSummaryView';
import { ProgressBar, useProgress } from './useProgress';

interface Inspected {
  token: string;
  summary: BackupSummary;
}

/**
 * Restore over this vault in three steps: the backup's passphrase and the file (checked on the main side before
 * anything is shown), what it contains, then a confirmation. The previous data stays until it is kept.
 */
export function RestoreFlow({ onStatus }: { onStatus: (status: BackupStatus) => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const { formRef, errors, edit, failure, busy, submit } = useChannelForm();
  const restore = useChannelAction();
  const checking = useProgress('verify', busy);
  const restoring = useProgress('restore', restore.busy);

  function inspect(event: FormEvent) {
    setCancelled(false);
    setInspected(null);
    return submit(event, 'backup.inspect', { passphrase }, (result) => {
      if (result.status === 'cancelled') return setCancelled(true);
      setPassphrase('');
      setInspected({ token: result.token, summary: result.summary });
    });
  }

  function confirm() {
    if (!inspected) return;
    void restore.run('backup.restore', { token: inspected.token }, (status) => {
      setInspected(null);
      onStatus(status);
    });
  }

  if (inspected) {
    return (
      <div>
        <BackupSummaryView summary={inspected.summary} />
        <ConfirmBox
          question={t('backup.restore.question')}
          explanation={t('backup.restore.explanation', { date: formatDateTime(new Date(inspected.summary.createdAt)) })}
          confirmLabel={t('backup.restore.confirm')}
          destructive
          busy={restore.busy}
          failure={restore.failure}
          onConfirm={confirm}
          onCancel={() => setInspected(null)}
        />
        <StatusMessage>{restore.busy ? t('backup.restore.working') : null}</StatusMessage>
        <ProgressBar progress={restoring} label={t('backup.restore.progress')} />
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={inspect} noValidate aria-busy={busy}>
      <p>{t('backup.restore.intro')}</p>
      <PassphraseField
        label={t('backup.restore.passphrase')}
        value={passphrase}
        onChange={edit('passphrase', setPassphrase)}
        purpose="current-password"
        error={errors.passphrase}
      />
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('backup.restore.checking') : cancelled ? t('backup.restore.cancelled') : null}</StatusMessage>
      <ProgressBar progress={checking} label={t('backup.restore.progress')} />
      <div className="actions">
        <button type="submit" className="button button-secondary" aria-disabled={busy || undefined}>
          {t('backup.restore.choose')}
        </button>
      </div>
    </form>
  );
}
