import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';
import type { FieldErrors } from '../../api/validate';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { isRole, roleOptions } from './roleOptions';

interface ColleagueFieldsProps {
  nameRef: Ref<HTMLInputElement>;
  name: string;
  role: Role;
  setName: (name: string) => void;
  setRole: (role: Role) => void;
  errors: FieldErrors;
  edit: <T>(field: string, set: (value: T) => void) => (value: T) => void;
  labels: { name: string; nameHint: string; role: string; roleHint: string | undefined };
  /** The role is shown but cannot be changed here (one's own account: another coordinator changes it). */
  roleFixed?: boolean;
}

/** A colleague's name and role: used when adding one and when editing one. */
export function ColleagueFields({
  nameRef,
  name,
  role,
  setName,
  setRole,
  errors,
  edit,
  labels,
  roleFixed,
}: ColleagueFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        ref={nameRef}
        label={labels.name}
        hint={labels.nameHint}
        value={name}
        onChange={(event) => edit('displayName', setName)(event.target.value)}
        error={errors.displayName}
      />
      <SelectField
        label={labels.role}
        hint={labels.roleHint}
        options={roleOptions(t)}
        value={role}
        disabled={roleFixed}
        onChange={(event) => {
          if (isRole(event.target.value)) edit('role', setRole)(event.target.value);
        }}
        error={errors.role}
      />
    </>
  );
}
