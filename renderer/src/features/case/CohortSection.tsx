import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  defaultEnrolmentStart,
  ENROLMENT_MODES,
  ENROLMENT_OUTCOMES,
  type Enrolment,
  type EnrolmentMode,
  type EnrolmentOutcome,
} from '@shared/cohorts';
import { StatusMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { QueryFailure } from '../../components/QueryState';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelForm } from '../../components/useChannelForm';
import { ParticipantAttendance } from '../attendance/ParticipantAttendance';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { today } from '@shared/days';
import { formatDay } from '../../i18n/format';
import { cohortListQuery } from '../programme/queries';
import { ENROLMENT_CHANGES } from './mutations';
import { enrolmentsQuery } from './queries';

interface CohortSectionProps {
  participantId: string;
  /** Whether the reader may enrol and end enrolments (participants.write); others see the cohort only. */
  canChange: boolean;
}

/**
 * The participant's cohort on the Overview: the open enrolment, or none; "Join a cohort" when in none and
 * "End" for the open one, for staff who may change the file. One cohort at a time.
 */
export function CohortSection({ participantId, canChange }: CohortSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(enrolmentsQuery(participantId));
  const enrolments = query.data ?? null;
  const [form, setForm] = useState<'join' | 'end' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = enrolments?.find((e) => e.endDate === null) ?? null;
  // Ended memberships, the latest first.
  const earlier = (enrolments ?? []).filter((e) => e.endDate !== null).reverse();

  function done(message: string) {
    setForm(null);
    setNotice(message);
  }

  return (
    <section className="card cohort-section" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{t('registry.cohorts.section.title')}</h2>
        {canChange && enrolments && form === null ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setNotice(null);
              setForm(open ? 'end' : 'join');
            }}
          >
            {t(open ? 'programme.members.end' : 'registry.cohorts.section.join')}
          </button>
        ) : null}
      </div>
      <QueryFailure query={query} />
      {enrolments === null ? null : open ? (
        <>
          <p>{t('registry.cohorts.section.current', { name: open.cohortName, date: formatDay(open.startDate) })}</p>
          <p>{t('programme.mode.shown', { mode: t(`programme.mode.${open.mode}`) })}</p>
        </>
      ) : (
        <p className="detail-empty">{t('registry.cohorts.section.none')}</p>
      )}
      {earlier.length > 0 ? (
        <>
          <h3>{t('registry.cohorts.section.earlier')}</h3>
          <ul className="cohort-history">
            {earlier.map((e) => {
              const values = {
                name: e.cohortName,
                from: formatDay(e.startDate),
                to: formatDay(e.endDate ?? ''),
                outcome: e.outcome ? t(`participant.status.${e.outcome}`) : '',
                reason: e.outcomeReason ?? '',
              };
              return (
                <li key={e.id}>
                  {e.outcomeReason
                    ? t('registry.cohorts.section.endedBecause', values)
                    : t('registry.cohorts.section.ended', values)}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <ParticipantAttendance participantId={participantId} />
      <StatusMessage tone="success">{notice}</StatusMessage>
      {form === 'join' ? (
        <JoinCohortForm
          participantId={participantId}
          onJoined={() => done(t('registry.cohorts.join.done'))}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {form === 'end' && open ? (
        <EndEnrolmentForm
          enrolment={open}
          onEnded={() => done(t('registry.cohorts.endForm.done'))}
          onCancel={() => setForm(null)}
        />
      ) : null}
    </section>
  );
}

function JoinCohortForm({
  participantId,
  onJoined,
  onCancel,
}: {
  participantId: string;
  onJoined: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const cohortList = useQuery(cohortListQuery());
  const cohorts = cohortList.data ?? null;
  const [cohortId, setCohortId] = useState('');
  const [startDate, setStartDate] = useState(today());
  // Offered with the group's start (or today once the group has started) until the user types a day of their own.
  const [startTyped, setStartTyped] = useState(false);
  const [mode, setMode] = useState<EnrolmentMode>('group');
  const modeName = useId();
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel, invalidates: ENROLMENT_CHANGES });

  const submit = (event: FormEvent) => send(event, 'cohorts.enrol', { participantId, cohortId, startDate, mode }, onJoined);

  return (
    <form ref={formRef} className="cohort-form" onSubmit={submit} noValidate aria-busy={busy}>
      {cohorts !== null && cohorts.length === 0 ? <p>{t('registry.cohorts.join.noCohorts')}</p> : null}
      <SelectField
        label={t('registry.cohorts.join.cohort')}
        value={cohortId}
        error={errors.cohortId}
        onChange={(event) => {
          const chosen = event.target.value;
          edit('cohortId', setCohortId)(chosen);
          const cohort = cohorts?.find((c) => c.id === chosen);
          if (cohort && !startTyped) setStartDate(defaultEnrolmentStart(cohort.startDate, today()));
        }}
        options={[
          { value: '', label: t('registry.cohorts.join.choose') },
          ...(cohorts ?? []).map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <QueryFailure query={cohortList} />
      <DateField
        label={t('registry.cohorts.join.startDate')}
        value={startDate}
        error={errors.startDate}
        onChange={(value) => {
          setStartTyped(true);
          edit('startDate', setStartDate)(value);
        }}
      />
      <fieldset className="field cohort-mode">
        <legend>{t('programme.mode.label')}</legend>
        {ENROLMENT_MODES.map((m) => (
          <div key={m} className="programme-radio">
            <label>
              <input
                type="radio"
                name={`${modeName}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => edit('mode', setMode)(m)}
              />
              {t(`programme.mode.${m}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {/* A refusal for a missing consent comes with the way to the consent register; others under the buttons. */}
      {failure?.code === 'consent_required' ? <ConsentAwareError failure={failure} participantId={participantId} /> : null}
      <FormActions
        submitLabel={t('registry.cohorts.join.submit')}
        busy={busy}
        failure={failure?.code === 'consent_required' ? null : failure}
        onCancel={onCancel}
      />
    </form>
  );
}

function EndEnrolmentForm({ enrolment, onEnded, onCancel }: { enrolment: Enrolment; onEnded: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [endDate, setEndDate] = useState(today());
  const [outcome, setOutcome] = useState<EnrolmentOutcome>('completed');
  const [reason, setReason] = useState('');
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel, invalidates: ENROLMENT_CHANGES });

  const submit = (event: FormEvent) =>
    send(
      event,
      'cohorts.endEnrolment',
      { id: enrolment.id, endDate, outcome, ...(outcome === 'discontinued' ? { reason } : {}) },
      onEnded,
    );

  return (
    <form ref={formRef} className="cohort-form" onSubmit={submit} noValidate aria-busy={busy}>
      <DateField
        label={t('registry.cohorts.endForm.endDate')}
        value={endDate}
        error={errors.endDate}
        onChange={(value) => edit('endDate', setEndDate)(value)}
      />
      <SelectField
        label={t('registry.cohorts.endForm.outcome')}
        value={outcome}
        error={errors.outcome}
        onChange={(event) => {
          const value = ENROLMENT_OUTCOMES.find((o) => o === event.target.value);
          if (value) edit('outcome', setOutcome)(value);
        }}
        options={ENROLMENT_OUTCOMES.map((o) => ({ value: o, label: t(`participant.status.${o}`) }))}
      />
      {outcome === 'discontinued' ? (
        <TextAreaField
          label={t('registry.cohorts.endForm.reason')}
          rows={2}
          value={reason}
          maxLength={500}
          error={errors.reason}
          onChange={(event) => edit('reason', setReason)(event.target.value)}
        />
      ) : null}
      <FormActions submitLabel={t('registry.cohorts.endForm.submit')} busy={busy} failure={failure} onCancel={onCancel} />
    </form>
  );
}
