import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/api';
import type { Failure } from '@shared/errors';
import type { Role } from '@shared/roles';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Section } from '../../components/Section';
import { useEscape } from '../../components/useEscape';
import { useFieldErrors } from '../../components/useFieldErrors';
import { ColleagueFields } from './ColleagueFields';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';

interface AddColleagueFormProps {
  onCreated: (user: UserSummary, oneTimePassphrase: string) => void;
  onCancel: () => void;
}

/** A new staff account: a name and a role; the main side answers with the one-time passphrase to hand over. */
export function AddColleagueForm({ onCreated, onCancel }: AddColleagueFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(form, attempt);
  useEscape(form, onCancel);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('users.create', { displayName: name, role });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('users.create', validated.data);
    setBusy(false);
    if (result.ok) return onCreated(result.value.user, result.value.oneTimePassphrase);
    if (result.code === 'name_taken') {
      setErrors({ displayName: { key: result.i18nKey } });
      return setAttempt((n) => n + 1);
    }
    setFailure(result);
    if (result.code === 'invalid_input') setErrors(fieldErrorsFromIssues(result.details?.issues));
  }

  return (
    <Section title={t('staff.add.title')} className="staff-panel">
      <p>{t('staff.add.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <ColleagueFields
          nameRef={nameInput}
          name={name}
          role={role}
          setName={setName}
          setRole={setRole}
          errors={errors}
          edit={edit}
          labels={{
            name: t('staff.add.name'),
            nameHint: t('staff.add.nameHint'),
            role: t('staff.add.role'),
            roleHint: t('staff.add.roleHint'),
          }}
        />
        <ErrorMessage failure={failure} />
        <StatusMessage>{busy ? t('staff.add.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('staff.add.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Section>
  );
}
