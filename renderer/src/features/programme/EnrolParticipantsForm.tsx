import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { defaultEnrolmentStart, type CohortDetail } from '@shared/cohorts';
import { today } from '@shared/days';
import type { FieldIssue } from '@shared/errors';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { QueryFailure } from '../../components/QueryState';
import { useChannelForm } from '../../components/useChannelForm';
import { translateKey } from '../../i18n/keys';
import { enrolCandidatesQuery } from './queries';

interface EnrolParticipantsFormProps {
  cohort: CohortDetail;
  /** Called with the sentence to announce after enrolling, or null when cancelled. */
  onDone: (message: string | null) => void;
}

const CANDIDATE_CHANGES = ['cohorts', 'attendance', 'participants', 'timeline.participant'] as const;

/**
 * Enrolling several participants from the cohort's page: a searchable list of checkboxes (those in no cohort,
 * with an open file), one start date for all (the group's start, or today once the group has started), sent as
 * one transaction. Participants without the processing consent are listed but cannot be chosen, with the reason.
 */
export function EnrolParticipantsForm({ cohort, onDone }: EnrolParticipantsFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const listId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery(enrolCandidatesQuery(cohort.id));
  const candidates = query.data ?? null;
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [startDate, setStartDate] = useState(() => defaultEnrolmentStart(cohort.startDate, today()));
  const [refusals, setRefusals] = useState<readonly FieldIssue[]>([]);
  const {
    formRef,
    errors,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({
    onCancel: () => onDone(null),
    invalidates: CANDIDATE_CHANGES,
    // A refusal names the participants it concerns: all of them are listed above the buttons.
    atField: (refused) => {
      const issues = (refused.details?.issues ?? []).filter((issue) => issue.path === 'participantIds');
      if (refused.code !== 'invalid_input' || issues.length === 0) return null;
      setRefusals(issues);
      return {};
    },
  });

  useEffect(() => heading.current?.focus(), []);

  const needle = search.trim().toLocaleLowerCase();
  const shown = (candidates ?? []).filter(
    (c) => needle === '' || `${c.displayName} ${c.pseudonym}`.toLocaleLowerCase().includes(needle),
  );

  function toggle(participantId: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(participantId);
    else next.delete(participantId);
    setChosen(next);
    setRefusals([]);
  }

  const submit = (event: FormEvent) => {
    setRefusals([]);
    return send(event, 'cohorts.enrolMany', { cohortId: cohort.id, participantIds: [...chosen], startDate }, ({ enrolments }) =>
      onDone(t('programme.enrol.done', { count: enrolments.length })),
    );
  };

  return (
    <form
      ref={formRef}
      className="programme-inline-form"
      onSubmit={submit}
      noValidate
      aria-busy={busy}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('programme.enrol.title')}
      </h3>
      <QueryFailure query={query} />
      <Field
        type="search"
        label={t('programme.enrol.search')}
        value={search}
        aria-controls={listId}
        onChange={(event) => setSearch(event.target.value)}
      />
      <fieldset className="programme-choices" aria-describedby={errors.participantIds ? `${listId}-error` : undefined}>
        <legend>{t('programme.enrol.candidates')}</legend>
        {candidates !== null && candidates.length === 0 ? <p className="detail-empty">{t('programme.enrol.none')}</p> : null}
        {candidates !== null && candidates.length > 0 && shown.length === 0 ? (
          <p className="detail-empty">{t('programme.enrol.noMatch')}</p>
        ) : null}
        <ul id={listId} className="programme-candidates">
          {shown.map((c) => (
            <li key={c.participantId}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(c.participantId)}
                  disabled={!c.consent}
                  onChange={(event) => edit('participantIds', () => toggle(c.participantId, event.target.checked))(null)}
                />
                <span>
                  {c.displayName} · {c.pseudonym}
                </span>
                {c.consent ? null : <span className="programme-candidate-note"> ({t('programme.enrol.noConsent')})</span>}
              </label>
            </li>
          ))}
        </ul>
        {errors.participantIds ? (
          <p id={`${listId}-error`} className="field-error" data-field-error="participantIds">
            {errors.participantIds.key === 'validation.too_few'
              ? t('programme.enrol.chooseSome')
              : translateKey(t, errors.participantIds.key, errors.participantIds.values)}
          </p>
        ) : null}
      </fieldset>
      <p role="status" className="field-hint">
        {t('programme.enrol.selected', { count: chosen.size })}
      </p>
      <DateField
        label={t('programme.enrol.startDate')}
        hint={t('programme.enrol.startHint')}
        value={startDate}
        error={errors.startDate}
        onChange={(value) => edit('startDate', setStartDate)(value)}
      />
      {refusals.length > 0 ? (
        <ul className="notice notice-error" role="alert">
          {refusals.map((issue, index) => (
            <li key={index}>{translateKey(t, issue.i18nKey, issue.values)}</li>
          ))}
        </ul>
      ) : null}
      <FormActions submitLabel={t('programme.enrol.submit')} busy={busy} failure={failure} onCancel={() => onDone(null)} />
    </form>
  );
}
