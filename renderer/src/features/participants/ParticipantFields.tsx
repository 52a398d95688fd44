import { useId, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/validate';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { QueryFailure } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { LanguagesInput } from './LanguagesInput';
import type { AgeKnown, ParticipantForm } from './participantForm';
import { participantOptions } from './participantLabels';
import type { CaseworkerChoices } from './useCaseworkerOptions';
import './participant.css';

type SetField = <K extends keyof ParticipantForm>(key: K, value: ParticipantForm[K]) => void;

interface ParticipantFieldsProps {
  form: ParticipantForm;
  /** Sets one field; the form clears that field's error. */
  onChange: SetField;
  errors: FieldErrors;
  /** The people who can be made responsible, as choices (with "no one yet" first), and whether they loaded. */
  caseworkers: CaseworkerChoices;
  /** The first input, for focus when the form opens. */
  firstFieldRef?: Ref<HTMLInputElement>;
  /** More controls at the end of the last section (the status a new file starts with). */
  extra?: ReactNode;
}

/** A titled group of the form; its heading is the group's name for assistive technology too. */
function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="card form-section">
      <legend>
        <h2>{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

const AGE_KNOWN: readonly AgeKnown[] = ['year', 'band', 'unknown'];

/** The intake questions the funder's statistics count, each answered yes, no or not known. */
const FUNDER_QUESTIONS = ['thirdCountryNational', 'foreignBackground', 'disability', 'housingExclusion'] as const;
const FUNDER_QUESTION_HINTS = {
  thirdCountryNational: 'participant.fields.thirdCountryNationalHint',
  foreignBackground: 'participant.fields.foreignBackgroundHint',
  disability: 'participant.fields.disabilityHint',
  housingExclusion: null,
} as const;

function FunderQuestions({ form, onChange, errors }: Pick<ParticipantFieldsProps, 'form' | 'onChange' | 'errors'>) {
  const { t } = useTranslation();
  const options = participantOptions(t);
  return (
    <fieldset className="field">
      <legend className="field-legend">{t('participant.fields.funderQuestions')}</legend>
      <p className="field-hint">{t('participant.fields.funderQuestionsHint')}</p>
      {FUNDER_QUESTIONS.map((question) => {
        const hint = FUNDER_QUESTION_HINTS[question];
        return (
          <SelectField
            key={question}
            label={t(`participant.fields.${question}`)}
            hint={hint === null ? undefined : t(hint)}
            options={options.yesNoUnknown}
            value={form[question]}
            onChange={(event) => onChange(question, event.target.value)}
            error={errors[question]}
          />
        );
      })}
    </fieldset>
  );
}

/** How the age is recorded: a year of birth or an age band (never both), or not known yet. */
function AgeFields({ form, onChange, errors }: Pick<ParticipantFieldsProps, 'form' | 'onChange' | 'errors'>) {
  const { t } = useTranslation();
  const name = useId();
  const options = participantOptions(t);
  return (
    <fieldset className="field age-fields">
      <legend className="field-legend">{t('participant.fields.age')}</legend>
      <div className="choice-row">
        {AGE_KNOWN.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={name}
              value={value}
              checked={form.ageKnown === value}
              onChange={() => onChange('ageKnown', value)}
            />
            {t(`participant.ageKnown.${value}`)}
          </label>
        ))}
      </div>
      {form.ageKnown === 'year' ? (
        <Field
          label={t('participant.fields.birthYear')}
          hint={t('participant.fields.birthYearHint')}
          className="input-short"
          inputMode="numeric"
          value={form.birthYear}
          onChange={(event) => onChange('birthYear', event.target.value)}
          error={errors.birthYear}
        />
      ) : form.ageKnown === 'band' ? (
        <SelectField
          label={t('participant.fields.ageBand')}
          options={options.ageBand}
          value={form.ageBand}
          onChange={(event) => onChange('ageBand', event.target.value)}
          error={errors.ageBand}
        />
      ) : null}
    </fieldset>
  );
}

/**
 * Every field of a participant's record, in the groups a caseworker fills them in at intake. Used to create a
 * file and to edit one; all fields are optional, since much is learnt only later.
 */
export function ParticipantFields({ form, onChange, errors, caseworkers, firstFieldRef, extra }: ParticipantFieldsProps) {
  const { t } = useTranslation();
  const options = participantOptions(t);
  return (
    <>
      <FormSection title={t('participant.sections.identity')}>
        <div className="field-row">
          <Field
            ref={firstFieldRef}
            label={t('participant.fields.firstName')}
            value={form.firstName}
            onChange={(event) => onChange('firstName', event.target.value)}
            error={errors.firstName}
          />
          <Field
            label={t('participant.fields.lastName')}
            value={form.lastName}
            onChange={(event) => onChange('lastName', event.target.value)}
            error={errors.lastName}
          />
        </div>
        <Field
          label={t('participant.fields.preferredName')}
          hint={t('participant.fields.preferredNameHint')}
          value={form.preferredName}
          onChange={(event) => onChange('preferredName', event.target.value)}
          error={errors.preferredName}
        />
        <AgeFields form={form} onChange={onChange} errors={errors} />
        <SelectField
          label={t('participant.fields.gender')}
          options={options.gender}
          value={form.gender}
          onChange={(event) => onChange('gender', event.target.value)}
          error={errors.gender}
        />
      </FormSection>

      <FormSection title={t('participant.sections.languages')}>
        <LanguagesInput
          languages={form.languages}
          onChange={(languages) => onChange('languages', languages)}
          draft={form.languageDraft}
          onDraftChange={(draft) => onChange('languageDraft', draft)}
          error={errors.languages}
        />
        <CheckboxField
          label={t('participant.fields.interpreterNeeded')}
          checked={form.interpreterNeeded}
          onChange={(event) => onChange('interpreterNeeded', event.target.checked)}
        />
        {form.interpreterNeeded ? (
          <Field
            label={t('participant.fields.interpreterLanguage')}
            hint={t('participant.fields.interpreterLanguageHint')}
            value={form.interpreterLanguage}
            onChange={(event) => onChange('interpreterLanguage', event.target.value)}
            error={errors.interpreterLanguage}
          />
        ) : null}
      </FormSection>

      <FormSection title={t('participant.sections.contact')}>
        <div className="field-row">
          <Field
            label={t('participant.fields.phone')}
            type="tel"
            value={form.phone}
            onChange={(event) => onChange('phone', event.target.value)}
            error={errors.phone}
          />
          <Field
            label={t('participant.fields.email')}
            type="email"
            value={form.email}
            onChange={(event) => onChange('email', event.target.value)}
            error={errors.email}
          />
        </div>
        <SelectField
          label={t('participant.fields.safeContactMethod')}
          options={options.safeContactMethod}
          value={form.safeContactMethod}
          onChange={(event) => onChange('safeContactMethod', event.target.value)}
          error={errors.safeContactMethod}
        />
        <TextAreaField
          label={t('participant.fields.safeContactNotes')}
          hint={t('participant.fields.safeContactNotesHint')}
          rows={3}
          value={form.safeContactNotes}
          onChange={(event) => onChange('safeContactNotes', event.target.value)}
          error={errors.safeContactNotes}
        />
      </FormSection>

      <FormSection title={t('participant.sections.assistance')}>
        <SelectField
          label={t('participant.fields.nationalAssistanceStatus')}
          hint={t('participant.fields.nationalAssistanceStatusHint')}
          options={options.nationalAssistanceStatus}
          value={form.nationalAssistanceStatus}
          onChange={(event) => onChange('nationalAssistanceStatus', event.target.value)}
          error={errors.nationalAssistanceStatus}
        />
      </FormSection>

      <FormSection title={t('participant.sections.referral')}>
        <div className="field-row">
          <SelectField
            label={t('participant.fields.referralSourceType')}
            options={options.referralSourceType}
            value={form.referralSourceType}
            onChange={(event) => onChange('referralSourceType', event.target.value)}
            error={errors.referralSourceType}
          />
          <DateField
            label={t('participant.fields.referralDate')}
            className="input-date"
            value={form.referralDate}
            onChange={(value) => onChange('referralDate', value)}
            error={errors.referralDate}
          />
        </div>
        <div className="field-row">
          <Field
            label={t('participant.fields.referralOrganisation')}
            value={form.referralOrganisation}
            onChange={(event) => onChange('referralOrganisation', event.target.value)}
            error={errors.referralOrganisation}
          />
          <Field
            label={t('participant.fields.referralContactPerson')}
            value={form.referralContactPerson}
            onChange={(event) => onChange('referralContactPerson', event.target.value)}
            error={errors.referralContactPerson}
          />
        </div>
      </FormSection>

      <FormSection title={t('participant.sections.work')}>
        <SelectField
          label={t('participant.fields.workAbility')}
          options={options.workAbility}
          value={form.workAbility}
          onChange={(event) => onChange('workAbility', event.target.value)}
          error={errors.workAbility}
        />
        <SelectField
          label={t('participant.fields.educationIsced')}
          options={options.educationIsced}
          value={form.educationIsced}
          onChange={(event) => onChange('educationIsced', event.target.value)}
          error={errors.educationIsced}
        />
        <SelectField
          label={t('participant.fields.labourMarketStatusAtEntry')}
          hint={t('participant.fields.labourMarketStatusAtEntryHint')}
          options={options.labourMarketStatusAtEntry}
          value={form.labourMarketStatusAtEntry}
          onChange={(event) => onChange('labourMarketStatusAtEntry', event.target.value)}
          error={errors.labourMarketStatusAtEntry}
        />
        <FunderQuestions form={form} onChange={onChange} errors={errors} />
      </FormSection>

      <FormSection title={t('participant.sections.responsibility')}>
        <SelectField
          label={t('participant.fields.responsibleCaseworkerId')}
          options={caseworkers.options}
          value={form.responsibleCaseworkerId}
          onChange={(event) => onChange('responsibleCaseworkerId', event.target.value)}
          error={errors.responsibleCaseworkerId}
        />
        <QueryFailure query={caseworkers.query} />
        {extra}
      </FormSection>
    </>
  );
}
