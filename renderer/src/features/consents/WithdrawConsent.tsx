import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentRecord, ConsentRegister } from '@shared/consents';
import { StatusMessage } from '../../components/ErrorMessage';
import { DateField } from '../../components/DateField';
import { useChannelForm } from '../../components/useChannelForm';
import { today } from '@shared/days';
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
  const question = useRef<HTMLParagraphElement>(null);
  const [withdrawnOn, setWithdrawnOn] = useState(today);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel });

  useEffect(() => {
    question.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    const problem =
      withdrawnOn > today() ? 'consents.problems.future' : withdrawnOn < consent.givenOn ? 'consents.problems.beforeGiven' : null;
    const ownRules = problem ? { withdrawnOn: { key: problem } } : {};
    return send(event, 'consents.withdraw', { id: consent.id, withdrawnOn }, (value) => onWithdrawn(value.register), {
      ownRules,
    });
  }

  return (
    <form
      ref={formRef}
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
      <DateField
        className="input-date"
        label={t('consents.withdraw.withdrawnOn')}
        value={withdrawnOn}
        years="past"
        onChange={(value) => edit('withdrawnOn', setWithdrawnOn)(value)}
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
