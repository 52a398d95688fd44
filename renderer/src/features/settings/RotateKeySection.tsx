import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayloads } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke, onEvent } from '../../api/client';
import { validateInput } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { Section } from '../../components/Section';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';

/** Re-encrypts the database under a new master key; the passphrase is asked again, and a new recovery code follows. */
export function RotateKeySection({ onRecoveryCode }: { onRecoveryCode: (code: string) => void }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<EventPayloads['progress'] | null>(null);
  useFocusFirstInvalid(form, attempt);

  useEffect(() => (busy ? onEvent('progress', setProgress) : undefined), [busy]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('vault.rotateMasterKey', { passphrase });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    setProgress(null);
    const result = await invoke('vault.rotateMasterKey', validated.data);
    setBusy(false);
    setPassphrase('');
    if (result.ok) return onRecoveryCode(result.value.recoveryCode);
    // A wrong passphrase is explained at its field, as in every form that asks for it again.
    if (result.code === 'wrong_passphrase') {
      setErrors({ passphrase: { key: result.i18nKey } });
      return setAttempt((n) => n + 1);
    }
    setFailure(result);
  }

  return (
    <Section title={t('settings.rotate.title')}>
      <p>{t('settings.rotate.intro')}</p>
      <ul className="advice">
        <li>{t('settings.rotate.effectRecovery')}</li>
        <li>{t('settings.rotate.effectOthers')}</li>
        <li>{t('settings.rotate.effectTime')}</li>
      </ul>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          label={t('settings.rotate.passphrase')}
          value={passphrase}
          onChange={edit('passphrase', setPassphrase)}
          purpose="current-password"
          error={errors.passphrase}
        />
        <ErrorMessage failure={failure} />
        <StatusMessage>{busy ? t('settings.rotate.working') : null}</StatusMessage>
        {busy && progress && progress.total > 0 ? (
          <progress className="progress" max={progress.total} value={progress.done} aria-label={t('settings.rotate.progress')} />
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('settings.rotate.submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
