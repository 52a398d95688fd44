import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/users';
import type { Role } from '@shared/roles';
import { CURRENT_PASSPHRASE, CurrentPassphraseField, wrongPassphraseAtField } from '../../components/CurrentPassphraseField';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { STAFF_CHANGES } from './mutations';
import { ColleagueFields } from './ColleagueFields';
import { nameTaken } from './nameTaken';

interface EditColleagueFormProps {
  user: UserSummary;
  /** The coordinator's own account: giving up the coordinator role also closes this page to them. */
  isSelf: boolean;
  onSaved: (user: UserSummary) => void;
  onCancel: () => void;
}

/** Renames a colleague or changes their role; only what changed is sent. A role change asks for one's own passphrase. */
export function EditColleagueForm({ user, isSelf, onSaved, onCancel }: EditColleagueFormProps) {
  const { t } = useTranslation();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const {
    formRef,
    errors,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({
    onCancel,
    atField: (refused) => nameTaken(refused) ?? wrongPassphraseAtField(refused),
    invalidates: STAFF_CHANGES,
  });

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    const renamed = name.trim() !== user.displayName;
    const reRoled = role !== user.role;
    if (renamed || reRoled) {
      const changes = {
        id: user.id,
        ...(renamed ? { displayName: name } : {}),
        ...(reRoled ? { role, currentPassphrase } : {}),
      };
      const ownRules = reRoled && currentPassphrase === '' ? { [CURRENT_PASSPHRASE]: { key: 'validation.required' } } : {};
      setCurrentPassphrase('');
      return send(event, 'users.update', changes, onSaved, { ownRules });
    }
    event.preventDefault();
    if (!busy) onCancel();
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="staff-inline-form">
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
          roleHint: isSelf ? t('staff.edit.ownRole') : undefined,
        }}
        roleFixed={isSelf}
      />
      {role !== user.role ? (
        <CurrentPassphraseField
          value={currentPassphrase}
          onChange={edit(CURRENT_PASSPHRASE, setCurrentPassphrase)}
          error={errors[CURRENT_PASSPHRASE]}
        />
      ) : null}
      <FormActions submitLabel={t('staff.edit.submit')} busy={busy} failure={failure} onCancel={onCancel} />
    </form>
  );
}
