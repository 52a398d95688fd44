import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_TRANSITIONS, type Participant, type ParticipantStatus } from '@shared/participants';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { validateInput } from '../../api/validate';
import { StatusMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { explainErrors } from './participantForm';
import { participantLabels } from './participantLabels';

interface StatusControlProps {
  participant: Participant;
  /** Whether the reader may move the status (participants.write); others see it only. */
  canChange: boolean;
  onChanged: (participant: Participant) => void;
}

/**
 * The participant's status in words, and a choice of the next statuses the workflow allows. Discontinuing
 * asks for the reason; closing is said to be final.
 */
export function StatusControl({ participant, canChange, onChanged }: StatusControlProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const label = participantLabels(t);
  const nextStatuses = STATUS_TRANSITIONS[participant.status];
  const [next, setNext] = useState<ParticipantStatus | ''>('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useFocusFirstInvalid(formRef, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setNotice(null);
    if (next === '') {
      setErrors({ status: { key: 'participant.statusControl.chooseFirst' } });
      return setAttempt((n) => n + 1);
    }
    const validated = validateInput('participants.setStatus', {
      id: participant.id,
      status: next,
      ...(next === 'discontinued' ? { reason } : {}),
    });
    if (!validated.ok) {
      setErrors(explainErrors(validated.errors, new Date()));
      return setAttempt((n) => n + 1);
    }
    setBusy(true);
    const result = await invoke('participants.setStatus', validated.data);
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setNext('');
    setReason('');
    setNotice(t('participant.statusControl.changed', { status: label.status(result.value.participant.status) }));
    onChanged(result.value.participant);
  }

  return (
    <section className="card status-control" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('participant.statusControl.title')}</h2>
      <p className="status-now">
        {t('participant.statusControl.current')}{' '}
        <strong className={`status-badge status-${participant.status}`}>{label.status(participant.status)}</strong>
      </p>
      {participant.status === 'discontinued' && participant.discontinuedReason ? (
        <p className="status-reason">
          {t('participant.statusControl.reasonWas')} {participant.discontinuedReason}
        </p>
      ) : null}
      <StatusMessage tone="success">{notice}</StatusMessage>
      {!canChange ? null : nextStatuses.length === 0 ? (
        <p>{t('participant.statusControl.closed')}</p>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
          <SelectField
            label={t('participant.statusControl.next')}
            options={[
              { value: '', label: t('participant.statusControl.choose') },
              ...nextStatuses.map((status) => ({ value: status, label: label.status(status) })),
            ]}
            value={next}
            hint={next === 'closed' ? t('participant.statusControl.closeWarning') : undefined}
            onChange={(event) => {
              const chosen = nextStatuses.find((status) => status === event.target.value) ?? '';
              edit('status', setNext)(chosen);
              setNotice(null);
            }}
            error={errors.status}
          />
          {next === 'discontinued' ? (
            <TextAreaField
              label={t('participant.statusControl.reason')}
              hint={t('participant.statusControl.reasonHint')}
              rows={3}
              value={reason}
              onChange={(event) => edit('reason', setReason)(event.target.value)}
              error={errors.reason}
            />
          ) : null}
          <FormActions submitLabel={t('participant.statusControl.submit')} busy={busy} failure={failure} />
        </form>
      )}
    </section>
  );
}
