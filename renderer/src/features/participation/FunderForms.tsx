import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '@shared/days';
import { EXIT_SITUATIONS, type ExitSituation, type Participation } from '@shared/participation';
import { CheckboxField } from '../../components/CheckboxField';
import { DateField } from '../../components/DateField';
import { FieldError } from '../../components/FieldFrame';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { PARTICIPATION_CHANGES } from './mutations';

interface FormProps {
  participation: Participation;
  onSaved: (participation: Participation) => void;
  onCancel: () => void;
}

/** The situation at exit: the day it was asked, and every situation that applies (none ticked is an answer too). */
export function ExitForm({ participation, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const recorded = participation.exit;
  const [checkedOn, setCheckedOn] = useState(recorded?.checkedOn ?? today());
  const [ticked, setTicked] = useState<Record<ExitSituation, boolean>>({
    jobSearching: recorded?.jobSearching ?? false,
    inEducation: recorded?.inEducation ?? false,
    qualification: recorded?.qualification ?? false,
    employed: recorded?.employed ?? false,
  });
  const { formRef, errors, edit, failure, busy, submit } = useChannelForm({ onCancel, invalidates: PARTICIPATION_CHANGES });
  const send = (event: FormEvent) =>
    submit(event, 'participation.recordExit', { participantId: participation.participantId, checkedOn, ...ticked }, (v) =>
      onSaved(v.participation),
    );

  return (
    <form ref={formRef} className="funder-form" onSubmit={send} noValidate aria-busy={busy}>
      <DateField
        label={t('participation.exit.checkedOn')}
        value={checkedOn}
        error={errors.checkedOn}
        onChange={(value) => edit('checkedOn', setCheckedOn)(value)}
      />
      <fieldset className="field" aria-describedby={errors.employed ? `${legendId} ${legendId}-error` : legendId}>
        <legend className="field-legend">{t('participation.exit.situation')}</legend>
        <p id={legendId} className="field-hint">
          {t('participation.exit.hint')}
        </p>
        {EXIT_SITUATIONS.map((situation) => (
          <CheckboxField
            key={situation}
            label={t(`participation.exitSituations.${situation}`)}
            checked={ticked[situation]}
            aria-invalid={situation === 'employed' && errors.employed ? true : undefined}
            onChange={(event) => {
              const value = event.target.checked;
              edit('employed', () => setTicked((before) => ({ ...before, [situation]: value })))(value);
            }}
          />
        ))}
        <FieldError id={`${legendId}-error`} error={errors.employed} />
      </fieldset>
      {failure?.code === 'consent_required' ? (
        <ConsentAwareError failure={failure} participantId={participation.participantId} />
      ) : null}
      <FormActions
        submitLabel={t('participation.exit.save')}
        working={t('participation.exit.saving')}
        busy={busy}
        failure={failure?.code === 'consent_required' ? null : failure}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The follow-up six months after exit: the day of the contact, and whether reached; if so, the two answers. */
export function FollowUpForm({ participation, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const name = useId();
  const recorded = participation.followUp;
  const [checkedOn, setCheckedOn] = useState(recorded?.checkedOn ?? today());
  const [outcome, setOutcome] = useState(recorded?.outcome ?? 'reached');
  const [employed, setEmployed] = useState(recorded?.outcome === 'reached' ? recorded.employed : false);
  const [improved, setImproved] = useState(recorded?.outcome === 'reached' ? recorded.improved : false);
  const { formRef, errors, edit, failure, busy, submit } = useChannelForm({ onCancel, invalidates: PARTICIPATION_CHANGES });
  const send = (event: FormEvent) =>
    submit(
      event,
      'participation.recordFollowUp',
      {
        participantId: participation.participantId,
        checkedOn,
        outcome,
        ...(outcome === 'reached' ? { employed, improved } : {}),
      },
      (v) => onSaved(v.participation),
    );

  return (
    <form ref={formRef} className="funder-form" onSubmit={send} noValidate aria-busy={busy}>
      <DateField
        label={t('participation.followUp.checkedOn')}
        value={checkedOn}
        error={errors.checkedOn}
        onChange={(value) => edit('checkedOn', setCheckedOn)(value)}
      />
      <fieldset className="field">
        <legend className="field-legend">{t('participation.followUp.outcome')}</legend>
        {(['reached', 'not_reached'] as const).map((value) => (
          <div key={value} className="programme-radio">
            <label>
              <input
                type="radio"
                name={`${name}-outcome`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              {t(`participation.followUpOutcomes.${value}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {outcome === 'reached' ? (
        <>
          <CheckboxField
            label={t('participation.exitSituations.employed')}
            checked={employed}
            onChange={(event) => setEmployed(event.target.checked)}
          />
          <CheckboxField
            label={t('participation.followUp.improved')}
            checked={improved}
            onChange={(event) => setImproved(event.target.checked)}
          />
        </>
      ) : null}
      {failure?.code === 'consent_required' ? (
        <ConsentAwareError failure={failure} participantId={participation.participantId} />
      ) : null}
      <FormActions
        submitLabel={t('participation.followUp.save')}
        working={t('participation.followUp.saving')}
        busy={busy}
        failure={failure?.code === 'consent_required' ? null : failure}
        onCancel={onCancel}
      />
    </form>
  );
}
