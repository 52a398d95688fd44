import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { COHORT_DEFAULTS, COHORT_LENGTH_WEEKS, COHORT_NAME_MAX } from '@shared/cohorts';
import { PLACE_MAX } from '@shared/sessions';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { useChannelForm } from '../../components/useChannelForm';
import { useSession } from '../../shell/session';
import { COHORT_CHANGES } from './mutations';
import { SchedulePreview } from './SchedulePreview';
import { StaffPicker } from './StaffPicker';
import { WeekdayPicker } from './WeekdayPicker';
import { previewCalendar } from './preview';
import { useStaffOptions } from './useStaffOptions';

interface NewCohortFormProps {
  onCreated: (cohortId: string, sessions: number) => void;
  onCancel: () => void;
}

/**
 * A cohort set up in a minute: a name and a start date are all it needs; the programme's usual rhythm is filled
 * in and can be changed. The calendar it will make is previewed before saving, days off included.
 */
export function NewCohortForm({ onCreated, onCancel }: NewCohortFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const session = useSession();
  const { people: staffOptions, query: staffQuery } = useStaffOptions();
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [lengthWeeks, setLengthWeeks] = useState(String(COHORT_LENGTH_WEEKS.default));
  const [weekdays, setWeekdays] = useState<number[]>([...COHORT_DEFAULTS.weekdays]);
  const [startTime, setStartTime] = useState<string>(COHORT_DEFAULTS.startTime);
  const [endTime, setEndTime] = useState<string>(COHORT_DEFAULTS.endTime);
  const [place, setPlace] = useState('');
  const [staffIds, setStaffIds] = useState<string[]>([session.userId]);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel, invalidates: COHORT_CHANGES });

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const preview = previewCalendar({ startDate, lengthWeeks, weekdays, startTime, endTime });

  const submit = (event: FormEvent) =>
    send(
      event,
      'cohorts.create',
      {
        name,
        startDate,
        lengthWeeks: lengthWeeks.trim() === '' ? Number.NaN : Number(lengthWeeks),
        weekdays,
        startTime,
        endTime,
        place,
        staffIds,
      },
      (created) => onCreated(created.cohort.id, created.sessions),
    );

  return (
    <form ref={formRef} className="card programme-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programme.new.title')}</h2>
      <p className="field-hint">{t('programme.new.lead')}</p>
      <div className="programme-fields">
        <Field
          ref={nameInput}
          label={t('programme.new.name')}
          hint={t('programme.new.nameHint')}
          value={name}
          maxLength={COHORT_NAME_MAX}
          required
          error={errors.name}
          onChange={(event) => edit('name', setName)(event.target.value)}
        />
        <DateField
          label={t('programme.new.startDate')}
          value={startDate}
          required
          error={errors.startDate}
          onChange={(value) => edit('startDate', setStartDate)(value)}
        />
        <Field
          type="number"
          label={t('programme.new.lengthWeeks')}
          className="input-short"
          min={COHORT_LENGTH_WEEKS.min}
          max={COHORT_LENGTH_WEEKS.max}
          value={lengthWeeks}
          error={errors.lengthWeeks}
          onChange={(event) => edit('lengthWeeks', setLengthWeeks)(event.target.value)}
        />
        <TimeField
          label={t('programme.new.startTime')}
          value={startTime}
          error={errors.startTime}
          onChange={(value) => edit('startTime', setStartTime)(value)}
        />
        <TimeField
          label={t('programme.new.endTime')}
          value={endTime}
          error={errors.endTime}
          onChange={(value) => edit('endTime', setEndTime)(value)}
        />
        <Field
          label={t('programme.new.place')}
          value={place}
          maxLength={PLACE_MAX}
          error={errors.place}
          onChange={(event) => edit('place', setPlace)(event.target.value)}
        />
      </div>
      <WeekdayPicker selected={weekdays} onChange={edit('weekdays', setWeekdays)} error={errors.weekdays} />
      <StaffPicker
        query={staffQuery}
        options={staffOptions}
        selected={staffIds}
        onChange={edit('staffIds', setStaffIds)}
        error={errors.staffIds}
      />
      <SchedulePreview preview={preview} />
      <FormActions
        submitLabel={t('programme.new.submit')}
        busy={busy}
        failure={failure}
        working={t('programme.new.working')}
        onCancel={onCancel}
      />
    </form>
  );
}
