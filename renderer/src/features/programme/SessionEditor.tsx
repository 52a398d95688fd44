import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortDetail } from '@shared/cohorts';
import { type Session, GUEST_MAX, type UpdateSessionInput, SESSION_NOTES_MAX, PLACE_MAX } from '@shared/sessions';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { QueryFailure } from '../../components/QueryState';
import { useChannelForm } from '../../components/useChannelForm';
import { SESSION_CHANGES } from './mutations';
import { topicOf, useFacilitatorOptions, useTopicOptions } from './sessionOptions';
import { usePartnerOptions } from './usePartnerOptions';

interface SessionEditorProps {
  cohort: CohortDetail;
  session: Session;
  /** Called with whether a change was saved. */
  onDone: (saved: boolean) => void;
}

type Values = {
  date: string;
  startTime: string;
  endTime: string;
  topic: string;
  facilitatorId: string;
  partnerId: string;
  place: string;
  guest: string;
  notes: string;
};

function valuesOf(session: Session): Values {
  return {
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    topic: session.topic ?? '',
    facilitatorId: session.facilitatorId ?? '',
    partnerId: session.partnerId ?? '',
    place: session.place ?? '',
    guest: session.guest ?? '',
    notes: session.notes ?? '',
  };
}

/** Only what changed goes to the main side: a move is a new date or time, anything else leaves the time alone. */
function changesOf(before: Values, after: Values): Omit<UpdateSessionInput, 'id'> {
  const changes: Omit<UpdateSessionInput, 'id'> = {};
  if (after.date !== before.date) changes.date = after.date;
  if (after.startTime !== before.startTime) changes.startTime = after.startTime;
  if (after.endTime !== before.endTime) changes.endTime = after.endTime;
  if (after.topic !== before.topic) changes.topic = topicOf(after.topic);
  if (after.facilitatorId !== before.facilitatorId) changes.facilitatorId = after.facilitatorId || null;
  if (after.partnerId !== before.partnerId) changes.partnerId = after.partnerId || null;
  if (after.place !== before.place) changes.place = after.place;
  if (after.guest !== before.guest) changes.guest = after.guest;
  if (after.notes !== before.notes) changes.notes = after.notes;
  return changes;
}

/** Changes one session: topic, who leads it, partner, place, guest, group notes, or its day and time (a move). */
export function SessionEditor({ cohort, session, onDone }: SessionEditorProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLSelectElement>(null);
  const [initial] = useState(() => valuesOf(session));
  const [values, setValues] = useState(initial);
  const topics = useTopicOptions();
  const facilitators = useFacilitatorOptions(cohort, session);
  const partners = usePartnerOptions(session);
  const {
    formRef,
    errors,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({ onCancel: () => onDone(false), invalidates: SESSION_CHANGES });

  useEffect(() => {
    first.current?.focus();
  }, []);

  const set = (field: keyof Values) => edit(field, (value: string) => setValues((v) => ({ ...v, [field]: value })));

  function submit(event: FormEvent) {
    const changes = changesOf(initial, values);
    if (Object.keys(changes).length === 0) {
      event.preventDefault();
      return onDone(false);
    }
    return send(event, 'sessions.update', { id: session.id, ...changes }, () => onDone(true));
  }

  return (
    <form ref={formRef} className="programme-inline-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="programme-fields">
        <SelectField
          ref={first}
          label={t('programme.sessions.topic')}
          options={topics}
          value={values.topic}
          error={errors.topic}
          onChange={(event) => set('topic')(event.target.value)}
        />
        <SelectField
          label={t('programme.sessions.facilitator')}
          options={facilitators}
          value={values.facilitatorId}
          error={errors.facilitatorId}
          onChange={(event) => set('facilitatorId')(event.target.value)}
        />
        {partners.options.length > 1 ? (
          <SelectField
            label={t('programme.sessions.partner')}
            options={partners.options}
            value={values.partnerId}
            error={errors.partnerId}
            onChange={(event) => set('partnerId')(event.target.value)}
          />
        ) : null}
        <QueryFailure query={partners.query} />
        <Field
          label={t('programme.sessions.place')}
          hint={cohort.place ? t('programme.sessions.placeHint', { place: cohort.place }) : undefined}
          value={values.place}
          maxLength={PLACE_MAX}
          error={errors.place}
          onChange={(event) => set('place')(event.target.value)}
        />
        <Field
          label={t('programme.sessions.guest')}
          value={values.guest}
          maxLength={GUEST_MAX}
          error={errors.guest}
          onChange={(event) => set('guest')(event.target.value)}
        />
      </div>
      <TextAreaField
        label={t('programme.sessions.notes')}
        hint={t('programme.sessions.notesHint')}
        rows={3}
        value={values.notes}
        maxLength={SESSION_NOTES_MAX}
        error={errors.notes}
        onChange={(event) => set('notes')(event.target.value)}
      />
      <fieldset className="programme-move">
        <legend>{t('programme.sessions.move')}</legend>
        <div className="programme-fields">
          <DateField
            label={t('programme.sessions.date')}
            value={values.date}
            error={errors.date}
            onChange={(value) => set('date')(value)}
          />
          <TimeField
            label={t('programme.sessions.startTime')}
            value={values.startTime}
            error={errors.startTime}
            onChange={(value) => set('startTime')(value)}
          />
          <TimeField
            label={t('programme.sessions.endTime')}
            value={values.endTime}
            error={errors.endTime}
            onChange={(value) => set('endTime')(value)}
          />
        </div>
      </fieldset>
      <FormActions submitLabel={t('programme.sessions.save')} busy={busy} failure={failure} onCancel={() => onDone(false)} />
    </form>
  );
}
