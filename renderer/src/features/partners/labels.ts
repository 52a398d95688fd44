import { PARTNER_TYPES } from '@shared/partners';
import { VISIT_KINDS } from '@shared/visits';
import type { FieldErrors } from '../../api/validate';
import type { SelectOption } from '../../components/SelectField';
import i18n from '../../i18n';

/** The partner types as the UI language names them, in the contract's order. */
export function partnerTypeOptions(): SelectOption[] {
  return PARTNER_TYPES.map((type) => ({ value: type, label: i18n.t(`partners.types.${type}`) }));
}

export function visitKindOptions(): SelectOption[] {
  return VISIT_KINDS.map((kind) => ({ value: kind, label: i18n.t(`partners.kinds.${kind}`) }));
}

/**
 * The contact form's messages: a phone number or email address in the wrong form is refused by a rule of the
 * schema whose message has no sentence of its own, so it is said here with the app's phone and email sentences.
 */
export function contactErrors(errors: FieldErrors): FieldErrors {
  const out = { ...errors };
  for (const field of ['phone', 'email'] as const)
    if (out[field]?.key === 'validation.custom') out[field] = { key: `validation.${field}` };
  return out;
}
