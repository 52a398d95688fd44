import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ExportPurpose } from '@shared/handover';
import type { Participant } from '@shared/participants';
import { CURRENT_PASSPHRASE, CurrentPassphraseField, wrongPassphraseAtField } from '../../components/CurrentPassphraseField';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useChannelForm } from '../../components/useChannelForm';
import { useCan, useSession } from '../../shell/session';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { usePassphraseChoice } from '../vault/usePassphraseChoice';
import { HandoverDialog } from './HandoverDialog';
import './handover.css';

interface ExportSectionProps {
  participant: Participant;
}

/**
 * On a participant's file: saving the whole file, encrypted, for a colleague who takes the case over (or as the
 * copy a participant asks for of everything held about them). The dialog asks for the file's passphrase twice;
 * where to save is asked by the system's own dialog.
 */
export function ExportSection({ participant }: ExportSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const buttons = useRef<Partial<Record<ExportPurpose, HTMLButtonElement | null>>>({});
  const [open, setOpen] = useState<ExportPurpose | null>(null);
  const [returnTo, setReturnTo] = useState<ExportPurpose | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Back to the button that opened the dialog, once the dialog has gone.
  useEffect(() => {
    if (returnTo) buttons.current[returnTo]?.focus();
  }, [returnTo]);

  function close(message: string | null) {
    setReturnTo(open);
    setOpen(null);
    setNotice(message);
  }

  const opener = (purpose: ExportPurpose, label: string) => (
    <button
      ref={(element) => {
        buttons.current[purpose] = element;
      }}
      type="button"
      className="button button-secondary"
      aria-haspopup="dialog"
      onClick={() => {
        setNotice(null);
        setReturnTo(null);
        setOpen(purpose);
      }}
    >
      {label}
    </button>
  );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('handover.export.sectionTitle')}</h2>
      <p>{t('handover.export.sectionIntro')}</p>
      <div className="actions">
        {opener('handover', t('handover.export.open'))}
        {opener('access', t('handover.export.openAccess'))}
      </div>
      <StatusMessage tone="success">{notice}</StatusMessage>
      {open ? <ExportDialog participant={participant} purpose={open} onClose={close} /> : null}
    </section>
  );
}

interface ExportDialogProps extends ExportSectionProps {
  purpose: ExportPurpose;
  onClose: (message: string | null) => void;
}

function ExportDialog({ participant, purpose, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const choice = usePassphraseChoice([session.displayName, participant.pseudonym]);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ atField: wrongPassphraseAtField });
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [cancelled, setCancelled] = useState(false);
  const withPrivate = useCan('psychosocial.private');

  function submit(event: FormEvent) {
    setCancelled(false);
    setCurrentPassphrase('');
    return send(
      event,
      'handover.export',
      { participantId: participant.id, passphrase: choice.next, purpose, currentPassphrase },
      (result) => {
        if (result.status === 'cancelled') return setCancelled(true);
        onClose(t('handover.export.saved', { fileName: result.fileName }));
      },
      { ownRules: choice.check('passphrase', 'again') },
    );
  }

  return (
    <HandoverDialog
      title={t(purpose === 'access' ? 'handover.export.titleAccess' : 'handover.export.title', {
        pseudonym: participant.pseudonym,
      })}
      onClose={() => onClose(null)}
    >
      <p>{t(purpose === 'access' ? 'handover.export.introAccess' : 'handover.export.intro')}</p>
      <ul className="advice">
        <li>{t(withPrivate ? 'handover.export.withPrivate' : 'handover.export.withoutPrivate')}</li>
        <li>{t('handover.export.neverDrafts')}</li>
        <li>{t('handover.export.passphraseApart')}</li>
      </ul>
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
        <NewPassphraseFields
          choice={choice}
          errors={errors}
          edit={edit}
          labels={{ next: t('handover.export.passphrase'), again: t('handover.export.again') }}
          fields={{ next: 'passphrase', again: 'again' }}
        />
        <CurrentPassphraseField
          value={currentPassphrase}
          onChange={edit(CURRENT_PASSPHRASE, setCurrentPassphrase)}
          error={errors[CURRENT_PASSPHRASE]}
        />
        <ErrorMessage failure={failure} />
        <StatusMessage>{busy ? t('handover.export.working') : cancelled ? t('handover.export.cancelled') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('handover.export.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </HandoverDialog>
  );
}
