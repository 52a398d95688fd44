import type { Failure } from '@shared/errors';
import type { FieldErrors } from '../../api/validate';

/** A name another colleague already has is said at the name field, not above the buttons. */
export function nameTaken(failure: Failure): FieldErrors | null {
  return failure.code === 'name_taken' ? { displayName: { key: failure.i18nKey } } : null;
}
