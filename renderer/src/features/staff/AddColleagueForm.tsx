import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/users';
import type { Role } from '@shared/roles';
import { CURRENT_PASSPHRASE, CurrentPassphraseField, wrongPassphraseAtField } from '../../components/CurrentPassphraseField';
import { FormActions } from '../../components/FormActions';
import { Section } from '../../components/Section';
import { useChannelForm } from '../../components/useChannelForm';
import { STAFF_CHANGES } from './mutations';
import { ColleagueFields } from './ColleagueFields';
import { nameTaken } from './nameTaken';

interface AddColleagueFormProps {
  onCreated: (user: UserSummary, oneTimePassphrase: string) => void;
  onCancel: () => void;
}

/** A new staff account: a name and a role; the main side answers with the one-time passphrase to hand over. */
export function AddColleagueForm({ onCreated, onCancel }: AddColleagueFormProps) {
  const { t } = useTranslation();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
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
    const input = { displayName: name, role, currentPassphrase };
    setCurrentPassphrase('');
    return send(event, 'users.create', input, (created) => onCreated(created.user, created.oneTimePassphrase));
  }

  return (
    <Section title={t('staff.add.title')} className="staff-panel">
      <p>{t('staff.add.intro')}</p>
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
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
        <CurrentPassphraseField
          value={currentPassphrase}
          onChange={edit(CURRENT_PASSPHRASE, setCurrentPassphrase)}
          error={errors[CURRENT_PASSPHRASE]}
        />
        <FormActions
          submitLabel={t('staff.add.submit')}
          busy={busy}
          failure={failure}
          working={t('staff.add.working')}
          onCancel={onCancel}
        />
      </form>
    </Section>
  );
}
