import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortDetail } from '@shared/cohorts';
import { PLACE_MAX } from '@shared/sessions';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { SelectField } from '../../components/SelectField';
import { useChannelForm } from '../../components/useChannelForm';
import { SESSION_CHANGES } from './mutations';
import { topicOf, useFacilitatorOptions, useTopicOptions } from './sessionOptions';

interface AddSessionFormProps {
  cohort: CohortDetail;
  /** Called with whether a session was added. */
  onDone: (added: boolean) => void;
}

/** An extra session outside the generated calendar, at the cohort's usual time unless changed. */
export function AddSessionForm({ cohort, onDone }: AddSessionFormProps) {
  const { t } = useTranslation();
  const dateInput = useRef<HTMLInputElement>(null);
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState(cohort.startTime);
  const [endTime, setEndTime] = useState(cohort.endTime);
  const [topic, setTopic] = useState('');
  const [facilitatorId, setFacilitatorId] = useState('');
  const [place, setPlace] = useState('');
  const topics = useTopicOptions();
  const facilitators = useFacilitatorOptions(cohort);
  const {
    formRef,
    errors,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({ onCancel: () => onDone(false), invalidates: SESSION_CHANGES });

  useEffect(() => {
    dateInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) =>
    send(
      event,
      'sessions.add',
      {
        cohortId: cohort.id,
        date,
        startTime,
        endTime,
        // Left empty, the session is at the cohort's usual place.
        ...(place.trim() === '' ? {} : { place }),
        topic: topicOf(topic),
        facilitatorId: facilitatorId || null,
      },
      () => onDone(true),
    );

  return (
    <form ref={formRef} className="programme-inline-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h3>{t('programme.sessions.addTitle')}</h3>
      <div className="programme-fields">
        <DateField
          ref={dateInput}
          label={t('programme.sessions.date')}
          value={date}
          required
          error={errors.date}
          onChange={(value) => edit('date', setDate)(value)}
        />
        <TimeField
          label={t('programme.sessions.startTime')}
          value={startTime}
          error={errors.startTime}
          onChange={(value) => edit('startTime', setStartTime)(value)}
        />
        <TimeField
          label={t('programme.sessions.endTime')}
          value={endTime}
          error={errors.endTime}
          onChange={(value) => edit('endTime', setEndTime)(value)}
        />
        <SelectField
          label={t('programme.sessions.topic')}
          options={topics}
          value={topic}
          error={errors.topic}
          onChange={(event) => edit('topic', setTopic)(event.target.value)}
        />
        <SelectField
          label={t('programme.sessions.facilitator')}
          options={facilitators}
          value={facilitatorId}
          error={errors.facilitatorId}
          onChange={(event) => edit('facilitatorId', setFacilitatorId)(event.target.value)}
        />
        <Field
          label={t('programme.sessions.place')}
          hint={cohort.place ? t('programme.sessions.placeHint', { place: cohort.place }) : undefined}
          value={place}
          maxLength={PLACE_MAX}
          error={errors.place}
          onChange={(event) => edit('place', setPlace)(event.target.value)}
        />
      </div>
      <FormActions submitLabel={t('programme.sessions.addSubmit')} busy={busy} failure={failure} onCancel={() => onDone(false)} />
    </form>
  );
}
