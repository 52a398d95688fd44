import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { useChannelForm } from '../../components/useChannelForm';
import { HandoverDialog } from './HandoverDialog';
import { ImportSummary } from './ImportSummary';
import './handover.css';

export type InspectedFile = Extract<OutputOf<'handover.inspect'>, { status: 'ready' }>;

interface ImportDialogProps {
  /** Called with the imported participant's id; the caller opens their file. */
  onImported: (participantId: string) => void;
  onClose: () => void;
}

/**
 * Importing a file a colleague handed over: first its passphrase and the file (the system's own dialog), which
 * Polku checks in full without changing anything; then what the file holds and, when the code is taken here,
 * whether to keep both or replace. Cancel at either step imports nothing.
 */
export function ImportDialog({ onImported, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const [inspected, setInspected] = useState<InspectedFile | null>(null);
  const [startOver, setStartOver] = useState<Failure | null>(null);

  return (
    <HandoverDialog title={t('handover.import.title')} onClose={onClose}>
      {inspected ? (
        <ImportSummary
          inspected={inspected}
          onImported={onImported}
          onClose={onClose}
          onExpired={(failure) => {
            setInspected(null);
            setStartOver(failure);
          }}
        />
      ) : (
        <ChooseFile earlier={startOver} onReady={setInspected} onClose={onClose} />
      )}
    </HandoverDialog>
  );
}

interface ChooseFileProps {
  /** Why the user is back at this step (the checked file was forgotten), shown until they try again. */
  earlier: Failure | null;
  onReady: (inspected: InspectedFile) => void;
  onClose: () => void;
}

function ChooseFile({ earlier, onReady, onClose }: ChooseFileProps) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm();
  const [cancelled, setCancelled] = useState(false);
  const [tried, setTried] = useState(false);

  function submit(event: FormEvent) {
    setCancelled(false);
    setTried(true);
    return send(event, 'handover.inspect', { passphrase }, (result) => {
      if (result.status === 'cancelled') return setCancelled(true);
      onReady(result);
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
      <p>{t('handover.import.intro')}</p>
      <PassphraseField
        label={t('handover.import.passphrase')}
        value={passphrase}
        onChange={edit('passphrase', setPassphrase)}
        purpose="current-password"
        error={errors.passphrase}
      />
      <ErrorMessage failure={failure ?? (tried ? null : earlier)} />
      <StatusMessage>{busy ? t('handover.import.checking') : cancelled ? t('handover.import.noFile') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('handover.import.choose')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
