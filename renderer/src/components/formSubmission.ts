/**
 * The decisions of a form's submission that need no screen: which problems stop the form before it is sent,
 * and what a refusal from the main side shows next to the fields.
 */
import type { Channel } from '@shared/api';
import type { Failure } from '@shared/errors';
import { fieldErrorsFromIssues, isEmpty, validateInput, type FieldErrors, type Validated } from '../api/validate';

/**
 * The channel's schema and the form's own rules together. The schema's message wins for a field both speak
 * about; a problem of either kind keeps the input from being sent.
 */
export function checkInput<C extends Channel>(channel: C, input: unknown, ownRules: FieldErrors = {}): Validated<C> {
  const validated = validateInput(channel, input);
  const errors: FieldErrors = { ...ownRules, ...(validated.ok ? {} : validated.errors) };
  if (validated.ok && isEmpty(errors)) return validated;
  return { ok: false, errors };
}

/** How a form answers a refusal: messages for its fields, and whether the general message is shown too. */
export interface RefusalView {
  errors: FieldErrors | null;
  showFailure: boolean;
}

/**
 * A refusal the form explains at a field of its own (`atField`, e.g. a name already taken) is shown there only;
 * `invalid_input` puts the main side's messages next to their fields under the general message; anything else
 * is the general message alone.
 */
export function refusalView(failure: Failure, atField?: (failure: Failure) => FieldErrors | null): RefusalView {
  const own = atField?.(failure) ?? null;
  if (own) return { errors: own, showFailure: false };
  if (failure.code === 'invalid_input') return { errors: fieldErrorsFromIssues(failure.details?.issues), showFailure: true };
  return { errors: null, showFailure: true };
}
