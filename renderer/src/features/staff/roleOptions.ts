import type { TFunction } from 'i18next';
import { ROLES, type Role } from '@shared/roles';
import type { SelectOption } from '../../components/SelectField';

/** The four roles as choices of a drop-down list, in the interface language. */
export function roleOptions(t: TFunction): SelectOption[] {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** Whether a value chosen from the list is one of the roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
