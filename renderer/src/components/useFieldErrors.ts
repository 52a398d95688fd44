import { useCallback, useState } from 'react';
import type { FieldErrors } from '../api/validate';

/** A form's field errors; an error goes away as soon as its field is edited. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = useCallback(
    (field: string) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current)),
    [],
  );
  /** Wraps a setter so that editing the field also clears its error. */
  const edit = useCallback(
    <T>(field: string, set: (value: T) => void) =>
      (value: T) => {
        set(value);
        clear(field);
      },
    [clear],
  );
  return { errors, setErrors, edit };
}
