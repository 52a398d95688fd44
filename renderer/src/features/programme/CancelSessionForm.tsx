import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASON_MAX, type Session } from '@shared/sessions';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useChannelForm } from '../../components/useChannelForm';
import { SESSION_CHANGES } from './mutations';

interface CancelSessionFormProps {
  session: Session;
  /** Called with whether the session was cancelled. */
  onDone: (cancelled: boolean) => void;
}

/** Cancels a session with the reason the group is told; marks already made stay but no longer count. */
export function CancelSessionForm({ session, onDone }: CancelSessionFormProps) {
  const { t } = useTranslation();
  const reasonInput = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState('');
  const {
    formRef,
    errors,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({ onCancel: () => onDone(false), invalidates: SESSION_CHANGES });

  useEffect(() => {
    reasonInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) => send(event, 'sessions.cancel', { id: session.id, reason }, () => onDone(true));

  return (
    <form ref={formRef} className="programme-inline-form" onSubmit={submit} noValidate aria-busy={busy}>
      <Field
        ref={reasonInput}
        label={t('programme.sessions.cancelReason')}
        hint={t('programme.sessions.cancelHint')}
        value={reason}
        maxLength={CANCEL_REASON_MAX}
        required
        error={errors.reason}
        onChange={(event) => edit('reason', setReason)(event.target.value)}
      />
      <ErrorMessage failure={failure} />
      <div className="actions">
        <button type="submit" className="button button-danger" aria-disabled={busy || undefined}>
          {t('programme.sessions.cancelSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('programme.sessions.keep')}
        </button>
      </div>
    </form>
  );
}
