import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, isEmpty, validateInput, type FieldErrors } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { PassphraseField } from '../../components/PassphraseField';
import { Section } from '../../components/Section';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { usePassphraseChoice } from '../vault/usePassphraseChoice';

interface ChangePassphraseSectionProps {
  session: SessionInfo;
  onSession: (session: SessionInfo) => void;
}

/** Changes one's own passphrase: the current one proves it is really the user. */
export function ChangePassphraseSection({ session, onSession }: ChangePassphraseSectionProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const choice = usePassphraseChoice([session.displayName]);
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useFocusFirstInvalid(form, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setDone(false);
    const validated = validateInput('vault.changePassphrase', { current, next: choice.next });
    const found: FieldErrors = {
      ...(current === '' ? { current: { key: 'validation.required' } } : {}),
      ...choice.check('next', 'again'),
      ...(validated.ok ? {} : validated.errors),
    };
    setErrors(found);
    if (!validated.ok || !isEmpty(found)) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('vault.changePassphrase', validated.data);
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      if (result.code === 'invalid_input') setErrors(fieldErrorsFromIssues(result.details?.issues));
      return;
    }
    setCurrent('');
    choice.setNext('');
    choice.setAgain('');
    setDone(true);
    onSession(result.value);
  }

  return (
    <Section title={t('settings.passphrase.title')}>
      <p>{t('settings.passphrase.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          label={t('settings.passphrase.current')}
          value={current}
          onChange={edit('current', setCurrent)}
          purpose="current-password"
          error={errors.current}
        />
        <NewPassphraseFields
          choice={choice}
          errors={errors}
          edit={edit}
          labels={{ next: t('settings.passphrase.next'), again: t('settings.passphrase.again') }}
          fields={{ next: 'next', again: 'again' }}
        />
        <ErrorMessage failure={failure} />
        <StatusMessage tone={done ? 'success' : 'info'}>
          {busy ? t('common.working') : done ? t('settings.passphrase.done') : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('settings.passphrase.submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
