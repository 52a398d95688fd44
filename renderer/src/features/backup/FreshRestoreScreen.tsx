import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { BackupSummary } from '@shared/backup';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { Screen } from '../../components/Screen';
import { SelectField } from '../../components/SelectField';
import { useChannelForm } from '../../components/useChannelForm';
import { isEmpty } from '../../api/validate';
import { currentLocale } from '../../i18n';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { usePassphraseChoice } from '../vault/usePassphraseChoice';
import { BackupSummaryView } from './BackupSummaryView';
import { ProgressBar, useProgress } from './useProgress';

interface Inspected {
  token: string;
  summary: BackupSummary;
  coordinators: { id: string; displayName: string }[];
}

interface FreshRestoreScreenProps {
  /** The folder a broken vault's files were just moved into, or null. */
  setAside?: string | null;
  onDone: (recoveryCode: string, session: SessionInfo) => void;
  onBack: () => void;
}

/**
 * A new laptop: Polku restored from a backup instead of set up empty. The backup is checked first; then one of its
 * coordinators chooses a passphrase for this laptop and gets a new recovery code, as at setup.
 */
export function FreshRestoreScreen({ setAside = null, onDone, onBack }: FreshRestoreScreenProps) {
  const { t } = useTranslation();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  return (
    <Screen name="restore-fresh" title={t('backup.fresh.title')}>
      {setAside ? (
        <p role="status" className="notice notice-success">
          {t('broken.setAside', { folder: setAside })}
        </p>
      ) : null}
      <p className="lead">{t('backup.fresh.intro')}</p>
      {inspected ? <TakeOverForm inspected={inspected} onDone={onDone} /> : <ChooseBackupForm onInspected={setInspected} />}
      <div className="actions">
        <button type="button" className="button button-link" onClick={onBack}>
          {t('backup.fresh.back')}
        </button>
      </div>
    </Screen>
  );
}

function ChooseBackupForm({ onInspected }: { onInspected: (inspected: Inspected) => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [cancelled, setCancelled] = useState(false);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm();
  const progress = useProgress('verify', busy);

  function submit(event: FormEvent) {
    setCancelled(false);
    return send(event, 'backup.inspect', { passphrase }, (result) => {
      if (result.status === 'cancelled') return setCancelled(true);
      onInspected({ token: result.token, summary: result.summary, coordinators: result.coordinators });
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
      <PassphraseField
        label={t('backup.restore.passphrase')}
        value={passphrase}
        onChange={edit('passphrase', setPassphrase)}
        purpose="current-password"
        error={errors.passphrase}
      />
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('backup.restore.checking') : cancelled ? t('backup.restore.cancelled') : null}</StatusMessage>
      <ProgressBar progress={progress} label={t('backup.restore.progress')} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('backup.restore.choose')}
        </button>
      </div>
    </form>
  );
}

function TakeOverForm({ inspected, onDone }: { inspected: Inspected; onDone: FreshRestoreScreenProps['onDone'] }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState(inspected.coordinators[0]?.id ?? '');
  const name = inspected.coordinators.find((c) => c.id === userId)?.displayName ?? '';
  const choice = usePassphraseChoice([name]);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm();
  const progress = useProgress('restore', busy);

  function submit(event: FormEvent) {
    const own = choice.check('passphrase', 'again');
    const input = { token: inspected.token, userId, passphrase: choice.next, locale: currentLocale() };
    return send(
      event,
      'vault.restoreFresh',
      input,
      (result) => {
        if (result.status === 'done') onDone(result.recoveryCode, result.session);
      },
      isEmpty(own) ? {} : { ownRules: own },
    );
  }

  return (
    <>
      <BackupSummaryView summary={inspected.summary} />
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
        <SelectField
          label={t('backup.fresh.who')}
          hint={t('backup.fresh.whoHint')}
          options={inspected.coordinators.map((c) => ({ value: c.id, label: c.displayName }))}
          value={userId}
          onChange={(event) => edit('userId', setUserId)(event.target.value)}
          error={errors.userId}
        />
        <NewPassphraseFields
          choice={choice}
          errors={errors}
          edit={edit}
          labels={{ next: t('backup.fresh.passphrase'), again: t('backup.fresh.again') }}
          fields={{ next: 'passphrase', again: 'again' }}
        />
        <ErrorMessage failure={failure} />
        <StatusMessage>{busy ? t('backup.fresh.working') : null}</StatusMessage>
        <ProgressBar progress={progress} label={t('backup.restore.progress')} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('backup.fresh.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
