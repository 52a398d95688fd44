import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentRecord, ConsentRegister } from '@shared/consents';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useEscape } from '../../components/useEscape';
import { useFieldErrors } from '../../components/useFieldErrors';
import { today } from './dates';
import { FormProblem } from './FormProblem';

interface WithdrawConsentProps {
  consent: ConsentRecord;
  /** How the consent is named in the question: the purpose, and the partner for sharing. */
  what: string;
  onWithdrawn: (register: ConsentRegister) => void;
  onCancel: () => void;
}

/**
 * The second step of withdrawing a consent: what it means, the day it was withdrawn (today unless changed),
 * then Yes or Cancel. Focus moves to the question so that it is read out; Escape cancels.
 */
export function WithdrawConsent({ consent, what, onWithdrawn, onCancel }: WithdrawConsentProps) {
  const { t } = useTranslation();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const [withdrawnOn, setWithdrawnOn] = useState(today);
  const { errors, setErrors, edit } = useFieldErrors();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useEscape(form, onCancel);

  useEffect(() => {
    question.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('consents.withdraw', { id: consent.id, withdrawnOn });
    const found = validated.ok ? {} : { ...validated.errors };
    if (!found.withdrawnOn && withdrawnOn > today()) found.withdrawnOn = { key: 'consents.problems.future' };
    if (!found.withdrawnOn && withdrawnOn < consent.givenOn) found.withdrawnOn = { key: 'consents.problems.beforeGiven' };
    setErrors(found);
    if (!validated.ok || found.withdrawnOn) return form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    setBusy(true);
    const result = await invoke('consents.withdraw', validated.data);
    setBusy(false);
    if (result.ok) return onWithdrawn(result.value.register);
    setFailure(result);
    if (result.code === 'invalid_input') setErrors(fieldErrorsFromIssues(result.details?.issues));
  }

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-busy={busy}
      className="confirm-box"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-explanation`}
    >
      <p id={`${id}-question`} ref={question} className="confirm-question" tabIndex={-1}>
        {t('consents.withdraw.question', { what })}
      </p>
      <p id={`${id}-explanation`}>{t('consents.withdraw.explanation')}</p>
      <Field
        type="date"
        className="input-date"
        label={t('consents.withdraw.withdrawnOn')}
        value={withdrawnOn}
        min={consent.givenOn}
        max={today()}
        onChange={(event) => edit('withdrawnOn', setWithdrawnOn)(event.target.value)}
        error={errors.withdrawnOn}
      />
      <FormProblem failure={failure} fields={['withdrawnOn']} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-danger" aria-disabled={busy || undefined}>
          {t('consents.withdraw.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
