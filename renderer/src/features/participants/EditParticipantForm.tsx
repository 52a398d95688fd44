import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '@shared/participants';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, isEmpty, validateInput } from '../../api/validate';
import { FormActions } from '../../components/FormActions';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { ParticipantFields } from './ParticipantFields';
import { changedOnly, explainErrors, fieldValues, formOf, formProblems, isNoChange } from './participantForm';
import { useCaseworkerOptions } from './useCaseworkerOptions';
import { useParticipantForm } from './useParticipantForm';

interface EditParticipantFormProps {
  participant: Participant;
  /** Saved: the record as stored now, and the names of the fields that changed (none if nothing did). */
  onSaved: (participant: Participant, changed: string[]) => void;
  onCancel: () => void;
}

/** Edits a participant's record in place; only the fields that changed are sent (participants.update). */
export function EditParticipantForm({ participant, onSaved, onCancel }: EditParticipantFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const { form, setField, errors, setErrors } = useParticipantForm(() => formOf(participant));
  const caseworkers = useCaseworkerOptions(
    participant.responsibleCaseworkerId
      ? { id: participant.responsibleCaseworkerId, name: participant.responsibleCaseworkerName ?? '' }
      : null,
  );
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(formRef, attempt);

  useEffect(() => {
    firstField.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const now = new Date();
    const validated = validateInput('participants.update', { id: participant.id, ...fieldValues(form) });
    const problems = { ...(validated.ok ? {} : explainErrors(validated.errors, now)), ...formProblems(form, now) };
    setErrors(problems);
    if (!validated.ok || !isEmpty(problems)) return setAttempt((n) => n + 1);
    const update = changedOnly(participant, validated.data);
    if (isNoChange(update)) return onSaved(participant, []);
    setBusy(true);
    const result = await invoke('participants.update', update);
    setBusy(false);
    if (result.ok) return onSaved(result.value.participant, result.value.changed);
    setFailure(result);
    if (result.code === 'invalid_input') {
      setErrors(explainErrors(fieldErrorsFromIssues(result.details?.issues), now));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="participant-edit">
      <h2>{t('participant.edit.title')}</h2>
      <ParticipantFields form={form} onChange={setField} errors={errors} caseworkers={caseworkers} firstFieldRef={firstField} />
      <FormActions
        submitLabel={t('participant.edit.submit')}
        busy={busy}
        failure={failure}
        onCancel={onCancel}
        className="form-actions"
      />
    </form>
  );
}
