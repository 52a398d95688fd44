import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompartmentState } from '@shared/compartment';
import { invoke } from '../../api/client';
import { ConfirmBox } from '../../components/ConfirmBox';
import { CurrentPassphraseField } from '../../components/CurrentPassphraseField';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { PassphraseField } from '../../components/PassphraseField';
import { Section } from '../../components/Section';
import { useChannelAction } from '../../components/useChannelAction';
import { useConfirmWithPassphrase } from '../../components/useConfirmWithPassphrase';
import { RecoveryCodeField } from '../vault/RecoveryCodeField';

interface PrivateKeySectionProps {
  /** A psychologists' recovery code to show once (made here, or at this session's unlock). */
  onCode: (code: string) => void;
}

type Open = 'grant' | 'newCode' | 'useCode' | null;

/**
 * A psychologist's key to the sealed private notes: whether it is on this computer, giving it to a colleague
 * psychologist (who types her own name and passphrase here), a new psychologists' recovery code, and getting the
 * key with that code. The main side decides everything; this only asks and shows.
 */
export function PrivateKeySection({ onCode }: PrivateKeySectionProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<CompartmentState | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const newCode = useConfirmWithPassphrase();
  const action = useChannelAction();
  const [name, setName] = useState('');
  const [colleaguePassphrase, setColleaguePassphrase] = useState('');
  const [code, setCode] = useState('');
  const [ownPassphrase, setOwnPassphrase] = useState('');

  useEffect(() => {
    let current = true;
    void invoke('compartment.status', {}).then((result) => {
      if (!current || !result.ok) return;
      setState(result.value.state);
      if (result.value.recoveryCode) onCode(result.value.recoveryCode);
    });
    return () => {
      current = false;
    };
  }, [onCode]);

  const close = () => {
    setOpen(null);
    setName('');
    setColleaguePassphrase('');
    setCode('');
    setOwnPassphrase('');
  };

  function grant(event: FormEvent) {
    event.preventDefault();
    const passphrase = colleaguePassphrase;
    setColleaguePassphrase('');
    void action.run('compartment.grant', { name, passphrase }, () => {
      setDone(t('privateKey.grant.done', { name }));
      close();
    });
  }

  function useCode(event: FormEvent) {
    event.preventDefault();
    const currentPassphrase = ownPassphrase;
    setOwnPassphrase('');
    void action.run('compartment.useRecoveryCode', { recoveryCode: code, currentPassphrase }, (value) => {
      setState(value.state);
      setDone(t('privateKey.useCode.done'));
      close();
    });
  }

  if (state === null || state === 'notPsychologist') return null;
  return (
    <Section title={t('privateKey.title')}>
      <p>{t('privateKey.intro')}</p>
      <p className="setting-value">{t(`privateKey.state.${state}`)}</p>
      {done ? <StatusMessage>{done}</StatusMessage> : null}
      {open === 'newCode' ? (
        <ConfirmBox
          question={t('privateKey.newCode.question')}
          explanation={t('privateKey.newCode.warning')}
          confirmLabel={t('privateKey.newCode.confirm')}
          passphrase={newCode.passphrase}
          busy={newCode.busy}
          failure={newCode.failure}
          onConfirm={() => void newCode.confirm('compartment.newRecoveryCode', {}, (value) => onCode(value.recoveryCode))}
          onCancel={close}
        />
      ) : open === 'grant' ? (
        <form className="confirm-box" onSubmit={grant} aria-label={t('privateKey.grant.title')}>
          <p>{t('privateKey.grant.explanation')}</p>
          <Field
            label={t('privateKey.grant.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
          />
          <PassphraseField
            label={t('privateKey.grant.passphrase')}
            name="colleaguePassphrase"
            value={colleaguePassphrase}
            onChange={setColleaguePassphrase}
            purpose="current-password"
          />
          {action.failure ? <ErrorMessage failure={action.failure} /> : null}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={action.busy}>
              {t('privateKey.grant.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              {t('privateKey.cancel')}
            </button>
          </div>
        </form>
      ) : open === 'useCode' ? (
        <form className="confirm-box" onSubmit={useCode} aria-label={t('privateKey.useCode.title')}>
          <p>{t('privateKey.useCode.explanation')}</p>
          <RecoveryCodeField label={t('privateKey.useCode.code')} value={code} onChange={setCode} />
          <CurrentPassphraseField value={ownPassphrase} onChange={setOwnPassphrase} />
          {action.failure ? <ErrorMessage failure={action.failure} /> : null}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={action.busy}>
              {t('privateKey.useCode.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              {t('privateKey.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          {state === 'open' ? (
            <>
              <button type="button" className="button button-secondary" onClick={() => setOpen('grant')}>
                {t('privateKey.grant.start')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setOpen('newCode')}>
                {t('privateKey.newCode.start')}
              </button>
            </>
          ) : state === 'sealed' ? (
            <button type="button" className="button button-secondary" onClick={() => setOpen('useCode')}>
              {t('privateKey.useCode.start')}
            </button>
          ) : null}
        </div>
      )}
    </Section>
  );
}
