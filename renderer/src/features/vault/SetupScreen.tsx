import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, isEmpty, validateInput } from '../../api/validate';
import { currentLocale } from '../../i18n';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { Screen } from '../../components/Screen';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { usePassphraseChoice } from './usePassphraseChoice';

interface SetupScreenProps {
  onDone: (recoveryCode: string, session: SessionInfo) => void;
  onVaultExists: () => void;
  /** Restore from a backup instead (a new laptop taking over an existing Polku). */
  onRestore: () => void;
}

/** First run: the coordinator's name and passphrase create the encrypted vault. */
export function SetupScreen({ onDone, onVaultExists, onRestore }: SetupScreenProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState('');
  const choice = usePassphraseChoice([displayName]);
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(form, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = { displayName, passphrase: choice.next, locale: currentLocale() };
    const validated = validateInput('vault.setup', input);
    const found = { ...choice.check('passphrase', 'confirm'), ...(validated.ok ? {} : validated.errors) };
    setErrors(found);
    setFailure(null);
    if (!validated.ok || !isEmpty(found)) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('vault.setup', validated.data);
    setBusy(false);
    if (result.ok) return onDone(result.value.recoveryCode, result.value.session);
    if (result.code === 'vault_exists') return onVaultExists();
    setFailure(result);
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <Screen name="setup" title={t('setup.title')}>
      <p className="lead">{t('setup.intro')}</p>
      <p className="notice notice-info">{t('setup.coordinator')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('setup.displayName')}
          hint={t('setup.displayNameHint')}
          value={displayName}
          onChange={(event) => edit('displayName', setDisplayName)(event.target.value)}
          error={errors.displayName}
          autoCapitalize="words"
        />
        <NewPassphraseFields
          choice={choice}
          errors={errors}
          edit={edit}
          labels={{ next: t('setup.passphrase'), again: t('setup.confirm') }}
          fields={{ next: 'passphrase', again: 'confirm' }}
        />
        <FormActions submitLabel={t('setup.submit')} busy={busy} failure={failure} working={t('setup.working')} />
      </form>
      <div className="actions">
        <button type="button" className="button button-link" onClick={onRestore}>
          {t('backup.fresh.link')}
        </button>
      </div>
    </Screen>
  );
}
