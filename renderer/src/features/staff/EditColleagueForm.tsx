import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/api';
import type { Failure } from '@shared/errors';
import type { Role } from '@shared/roles';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useEscape } from '../../components/useEscape';
import { useFieldErrors } from '../../components/useFieldErrors';
import { ColleagueFields } from './ColleagueFields';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';

interface EditColleagueFormProps {
  user: UserSummary;
  /** The coordinator's own account: giving up the coordinator role also closes this page to them. */
  isSelf: boolean;
  onSaved: (user: UserSummary) => void;
  onCancel: () => void;
}

/** Renames a colleague or changes their role; only what changed is sent. */
export function EditColleagueForm({ user, isSelf, onSaved, onCancel }: EditColleagueFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
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
    const renamed = name.trim() !== user.displayName;
    const reRoled = role !== user.role;
    if (!renamed && !reRoled) return onCancel();
    const validated = validateInput('users.update', {
      id: user.id,
      ...(renamed ? { displayName: name } : {}),
      ...(reRoled ? { role } : {}),
    });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('users.update', validated.data);
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    if (result.code === 'name_taken') {
      setErrors({ displayName: { key: result.i18nKey } });
      return setAttempt((n) => n + 1);
    }
    setFailure(result);
    if (result.code === 'invalid_input') setErrors(fieldErrorsFromIssues(result.details?.issues));
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-busy={busy} className="staff-inline-form">
      <h3>{t('staff.edit.title', { name: user.displayName })}</h3>
      <ColleagueFields
        nameRef={nameInput}
        name={name}
        role={role}
        setName={setName}
        setRole={setRole}
        errors={errors}
        edit={edit}
        labels={{
          name: t('staff.edit.name'),
          nameHint: t('staff.edit.nameHint'),
          role: t('staff.edit.role'),
          roleHint: isSelf && role !== 'coordinator' ? t('staff.edit.selfRoleWarning') : undefined,
        }}
      />
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('staff.edit.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
