import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortSummary } from '@shared/cohorts';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useChannelForm } from '../../components/useChannelForm';
import { today } from '../consents/dates';

interface NewCohortFormProps {
  onCreated: (cohort: CohortSummary) => void;
  onCancel: () => void;
}

/** A new cohort: its name and start date; ten weeks long until the cohorts page lets staff change it. */
export function NewCohortForm({ onCreated, onCancel }: NewCohortFormProps) {
  const { t } = useTranslation();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState(today());
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel });

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) => send(event, 'cohorts.create', { name, startDate }, (created) => onCreated(created.cohort));

  return (
    <form ref={formRef} className="card registry-cohort-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h2>{t('registry.cohorts.new.title')}</h2>
      <div className="registry-cohort-fields">
        <Field
          ref={nameInput}
          label={t('registry.cohorts.new.name')}
          hint={t('registry.cohorts.new.nameHint')}
          value={name}
          maxLength={80}
          error={errors.name}
          onChange={(event) => edit('name', setName)(event.target.value)}
        />
        <Field
          type="date"
          label={t('registry.cohorts.new.startDate')}
          value={startDate}
          error={errors.startDate}
          onChange={(event) => edit('startDate', setStartDate)(event.target.value)}
        />
      </div>
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('registry.cohorts.new.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('registry.cohorts.new.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
