import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, isEmpty, validateInput } from '../../api/validate';
import { FormActions } from '../../components/FormActions';
import { Screen } from '../../components/Screen';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { usePassphraseChoice } from './usePassphraseChoice';
import type { TranslationKey } from '../../i18n/keys';
import { useSession } from '../../shell/session';

/**
 * Why a new passphrase is required: opened with the recovery code, opened with a one-time passphrase from the
 * coordinator, or not known (the app was reloaded while the session was open).
 */
export type NewPassphraseReason = 'recovery' | 'one-time' | 'required';

const INTRO: Record<NewPassphraseReason, TranslationKey> = {
  recovery: 'newPassphrase.intro',
  'one-time': 'newPassphrase.introOneTime',
  required: 'newPassphrase.introRequired',
};

interface NewPassphraseScreenProps {
  reason: NewPassphraseReason;
  onDone: (session: SessionInfo) => void;
}

/** After opening with the recovery code or a one-time passphrase: a passphrase of one's own must be set first. */
export function NewPassphraseScreen({ reason, onDone }: NewPassphraseScreenProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const session = useSession();
  const choice = usePassphraseChoice([session.displayName]);
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(form, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('vault.changePassphrase', { next: choice.next });
    const found = { ...choice.check('next', 'again'), ...(validated.ok ? {} : validated.errors) };
    setErrors(found);
    if (!validated.ok || !isEmpty(found)) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('vault.changePassphrase', validated.data);
    setBusy(false);
    if (result.ok) return onDone(result.value);
    setFailure(result);
    if (result.code === 'invalid_input') setErrors(fieldErrorsFromIssues(result.details?.issues));
  }

  return (
    <Screen name="new-passphrase" title={t('newPassphrase.title')}>
      <p className="lead">{t(INTRO[reason])}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <NewPassphraseFields
          choice={choice}
          errors={errors}
          edit={edit}
          labels={{ next: t('newPassphrase.next'), again: t('newPassphrase.again') }}
          fields={{ next: 'next', again: 'again' }}
        />
        <FormActions submitLabel={t('newPassphrase.submit')} busy={busy} failure={failure} />
      </form>
    </Screen>
  );
}
