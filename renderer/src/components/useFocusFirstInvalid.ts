import { useEffect, type RefObject } from 'react';

/** After a submit that failed validation (`attempt` grows), moves focus to the first invalid field. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}
