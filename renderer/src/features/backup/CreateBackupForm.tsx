import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/backup';
import { invoke } from '../../api/client';
import { isEmpty } from '../../api/validate';
import { CURRENT_PASSPHRASE, CurrentPassphraseField, wrongPassphraseAtField } from '../../components/CurrentPassphraseField';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useChannelForm } from '../../components/useChannelForm';
import { formatBytes } from '../../i18n/format';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { usePassphraseChoice } from '../vault/usePassphraseChoice';
import { ProgressBar, useProgress } from './useProgress';

type Outcome = { kind: 'done'; fileName: string; bytes: number } | { kind: 'cancelled' } | null;

/**
 * A new backup: its own passphrase (twice, with the strength meter), then the save dialog, then progress with a
 * way to stop. The main side verifies the file before it answers, so "done" means it opens and is complete.
 */
export function CreateBackupForm({ onStatus }: { onStatus: (status: BackupStatus) => void }) {
  const { t } = useTranslation();
  const choice = usePassphraseChoice([]);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ atField: wrongPassphraseAtField });
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const progress = useProgress('backup', busy);

  function submit(event: FormEvent) {
    setOutcome(null);
    const own = choice.check('passphrase', 'again');
    setCurrentPassphrase('');
    return send(
      event,
      'backup.create',
      { passphrase: choice.next, currentPassphrase },
      (result) => {
        if (result.status === 'cancelled') return setOutcome({ kind: 'cancelled' });
        choice.setNext('');
        choice.setAgain('');
        setOutcome({ kind: 'done', fileName: result.fileName, bytes: result.bytes });
        void invoke('backup.status', {}).then((status) => {
          if (status.ok) onStatus(status.value);
        });
      },
      isEmpty(own) ? {} : { ownRules: own },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="backup-create-title">
      <h3 id="backup-create-title">{t('backup.create.title')}</h3>
      <p>{t('backup.create.passphraseHint')}</p>
      <NewPassphraseFields
        choice={choice}
        errors={errors}
        edit={edit}
        labels={{ next: t('backup.create.passphrase'), again: t('backup.create.again') }}
        fields={{ next: 'passphrase', again: 'again' }}
      />
      <CurrentPassphraseField
        value={currentPassphrase}
        onChange={edit(CURRENT_PASSPHRASE, setCurrentPassphrase)}
        error={errors[CURRENT_PASSPHRASE]}
      />
      <ErrorMessage failure={failure} />
      <StatusMessage tone={outcome?.kind === 'done' ? 'success' : 'info'}>
        {busy
          ? t('backup.create.working')
          : outcome?.kind === 'done'
            ? t('backup.create.done', { fileName: outcome.fileName, size: formatBytes(outcome.bytes) })
            : outcome?.kind === 'cancelled'
              ? t('backup.create.cancelled')
              : null}
      </StatusMessage>
      <ProgressBar progress={progress} label={t('backup.create.progress')} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('backup.create.submit')}
        </button>
        {busy ? (
          <button type="button" className="button button-secondary" onClick={() => void invoke('backup.cancel', {})}>
            {t('backup.create.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
