import { useEffect, type RefObject } from 'react';

/**
 * After a submit that failed validation (`attempt` grows), moves focus to the first invalid field. A group marked
 * invalid as a whole (a radio group) gives the focus to its chosen control, else its first.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const inGroup = invalid?.getAttribute('role') === 'radiogroup';
    const control = inGroup ? (invalid?.querySelector<HTMLElement>('input:checked') ?? invalid?.querySelector('input')) : invalid;
    control?.focus();
  }, [form, attempt]);
}
