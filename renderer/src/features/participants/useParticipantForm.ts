import { useCallback, useState } from 'react';
import type { FieldErrors } from '../../api/validate';
import { useFieldErrors } from '../../components/useFieldErrors';
import type { ParticipantForm } from './participantForm';

/** Fields whose errors go away when a field is edited: a field's own, and those that depend on it. */
const CLEARS: Partial<Record<keyof ParticipantForm, readonly string[]>> = {
  ageKnown: ['birthYear', 'ageBand'],
  languageDraft: ['languages'],
  interpreterNeeded: ['interpreterLanguage'],
};

/** The participant form's values and field errors; editing a field clears its error. */
export function useParticipantForm(initial: () => ParticipantForm) {
  const [form, setForm] = useState<ParticipantForm>(initial);
  const { errors, setErrors } = useFieldErrors();
  const setField = useCallback(
    <K extends keyof ParticipantForm>(key: K, value: ParticipantForm[K]) => {
      setForm((current) => ({ ...current, [key]: value }));
      const cleared = [key, ...(CLEARS[key] ?? [])];
      setErrors((current: FieldErrors) =>
        cleared.some((field) => current[field])
          ? { ...current, ...Object.fromEntries(cleared.map((field) => [field, undefined])) }
          : current,
      );
    },
    [setErrors],
  );
  return { form, setForm, setField, errors, setErrors };
}
