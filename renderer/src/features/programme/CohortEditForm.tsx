import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { COHORT_NAME_MAX, type CohortDetail } from '@shared/cohorts';
import { PLACE_MAX } from '@shared/sessions';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { useChannelForm } from '../../components/useChannelForm';
import { COHORT_CHANGES } from './mutations';
import { StaffPicker } from './StaffPicker';
import { useStaffOptions } from './useStaffOptions';

interface CohortEditFormProps {
  cohort: CohortDetail;
  /** Called with whether the change was saved. */
  onDone: (saved: boolean) => void;
}

/** Renames a cohort or changes its usual place and staff; its calendar is changed session by session. */
export function CohortEditForm({ cohort, onDone }: CohortEditFormProps) {
  const { t } = useTranslation();
  const { people: listed, query: staffQuery } = useStaffOptions();
  const [name, setName] = useState(cohort.name);
  const [place, setPlace] = useState(cohort.place ?? '');
  const [staffIds, setStaffIds] = useState(cohort.staff.map((s) => s.userId));
  const {
    formRef,
    errors,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({ onCancel: () => onDone(false), invalidates: COHORT_CHANGES });
  // Staff on the cohort stay choices even when no longer on the list the reader may see.
  const options = [
    ...listed,
    ...cohort.staff
      .filter((s) => !listed.some((p) => p.id === s.userId))
      .map((s) => ({ id: s.userId, displayName: s.displayName })),
  ];

  const submit = (event: FormEvent) =>
    send(event, 'cohorts.update', { id: cohort.id, name, place, staffIds }, () => onDone(true));

  return (
    <form ref={formRef} className="programme-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="programme-fields">
        <Field
          label={t('programme.new.name')}
          value={name}
          maxLength={COHORT_NAME_MAX}
          error={errors.name}
          onChange={(event) => edit('name', setName)(event.target.value)}
        />
        <Field
          label={t('programme.new.place')}
          value={place}
          maxLength={PLACE_MAX}
          error={errors.place}
          onChange={(event) => edit('place', setPlace)(event.target.value)}
        />
      </div>
      <StaffPicker
        query={staffQuery}
        options={options}
        selected={staffIds}
        onChange={edit('staffIds', setStaffIds)}
        error={errors.staffIds}
      />
      <FormActions submitLabel={t('programme.cohort.save')} busy={busy} failure={failure} onCancel={() => onDone(false)} />
    </form>
  );
}
