import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_LANGUAGE_MAX,
  ANSWER_NOTE_MAX,
  ANSWER_TEXT_MAX,
  type Assessment,
  type AssessmentDomain,
  type AssessmentStage,
  type Instrument,
  type Rater,
} from '@shared/assessments';
import { today } from '@shared/days';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput, type FieldErrors } from '../../api/validate';
import { CheckboxField } from '../../components/CheckboxField';
import { ConfirmBox } from '../../components/ConfirmBox';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FieldError, FieldHint } from '../../components/FieldFrame';
import { FormActions } from '../../components/FormActions';
import { Section } from '../../components/Section';
import { TextAreaField } from '../../components/TextAreaField';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { translateKey } from '../../i18n/keys';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import {
  answerFieldKey,
  answerKey,
  draftOf,
  errorsByField,
  isAssessed,
  itemsByDomain,
  offeredItems,
  saveRequest,
  type AnswerDraft,
  type AssessmentDraft,
  type FormItem,
} from './assessmentForm';
import { useWording } from './wording';

interface AssessmentFormProps {
  participantId: string;
  stage: AssessmentStage;
  /** The version the assessment is made with: the current one for a new assessment, its own for an edit. */
  instrument: Instrument;
  /** The recorded assessment to edit; null to record the stage. */
  editing: Assessment | null;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}

/** Problems of the assessment as a whole, shown above the form: not about one field. */
const WHOLE = ['stage', 'version', 'answers'] as const;

/**
 * One stage's whole assessment in one form: its day, then every item of the version by domain, each domain a
 * section that can be folded with its count of items assessed. A scored item is a group of radio buttons (the arrow
 * keys move within it, Tab goes on), an item both raters answer has the participant's and the caseworker's view as
 * two groups, a written item a text area; each answer has a note, "assessed with an interpreter" and the language.
 * Saving sends the whole assessment; each refusal comes back to its field and the focus to the first of them.
 */
export function AssessmentForm({ participantId, stage, instrument, editing, onSaved, onCancel }: AssessmentFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const items = useMemo(() => offeredItems(instrument, editing), [instrument, editing]);
  const domains = useMemo(() => itemsByDomain(items), [items]);
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftOf(items, editing, today()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [folded, setFolded] = useState<ReadonlySet<AssessmentDomain>>(new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  useFocusFirstInvalid(form, attempt);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  function setAnswer(itemId: string, rater: Rater, patch: Partial<AnswerDraft>, field: string) {
    const key = answerKey(itemId, rater);
    setDirty(true);
    setDraft((d) => ({ ...d, answers: { ...d.answers, [key]: { ...d.answers[key]!, ...patch } } }));
    const cleared = [answerFieldKey(itemId, rater, field), answerFieldKey(itemId, rater, 'score')];
    setErrors((e) => (cleared.some((k) => e[k]) ? { ...e, ...Object.fromEntries(cleared.map((k) => [k, undefined])) } : e));
  }

  /** Shows the refusals at their fields, unfolds the domains that hold one, and sends the focus to the first. */
  function showErrors(next: FieldErrors) {
    setErrors(next);
    const wrong = new Set(Object.keys(next).map((key) => key.split('/')[0]));
    setFolded((current) => new Set([...current].filter((domain) => !items.some((i) => i.domain === domain && wrong.has(i.id)))));
    setAttempt((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const request = saveRequest(
      { participantId, stage, version: instrument.version, baseUpdatedAt: editing?.updatedAt ?? null },
      items,
      draft,
    );
    const checked = validateInput('assessments.save', request.input);
    if (!checked.ok) return showErrors(errorsByField(checked.errors, request.sent));
    setBusy(true);
    const result = await invoke('assessments.save', request.input);
    setBusy(false);
    if (result.ok) return onSaved(result.value.assessment);
    if (result.code !== 'invalid_input') return setFailure(result);
    showErrors(errorsByField(fieldErrorsFromIssues(result.details?.issues), request.sent));
  }

  const whole = [...WHOLE, 'baseUpdatedAt'].map((key) => errors[key]).filter((e) => e !== undefined);
  return (
    <Section
      title={t(editing ? 'assessments.form.editTitle' : 'assessments.form.newTitle', { stage: t(`assessments.stages.${stage}`) })}
      className="assessment-form"
    >
      <p className="field-hint">{t('assessments.form.intro')}</p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        {whole.length > 0 ? (
          <div role="alert" className="notice notice-error">
            {whole.map((e) => (
              <p key={e.key}>{translateKey(t, e.key, e.values)}</p>
            ))}
          </div>
        ) : null}
        <DateField
          label={t('assessments.form.date')}
          years="past"
          value={draft.date}
          error={errors.date}
          onChange={(date) => {
            setDirty(true);
            setDraft((d) => ({ ...d, date }));
            setErrors((e) => (e.date ? { ...e, date: undefined } : e));
          }}
        />
        {domains.map(({ domain, items: inDomain }) => (
          <details
            key={domain}
            className="assessment-domain"
            open={!folded.has(domain)}
            onToggle={(e) => {
              const open = e.currentTarget.open;
              setFolded((current) => {
                if (open !== current.has(domain)) return current;
                const next = new Set(current);
                if (open) next.delete(domain);
                else next.add(domain);
                return next;
              });
            }}
          >
            <summary>
              <span className="assessment-domain-name">{t(`assessments.domains.${domain}`)}</span>{' '}
              <span className="assessment-domain-progress">
                {t('assessments.form.progress', {
                  done: inDomain.filter((item) => isAssessed(item, draft)).length,
                  total: inDomain.length,
                })}
              </span>
            </summary>
            <fieldset className="assessment-domain-items">
              <legend className="visually-hidden">{t(`assessments.domains.${domain}`)}</legend>
              {inDomain.map((item) => (
                <ItemFields
                  key={item.id}
                  item={item}
                  instrument={instrument}
                  draft={draft}
                  errors={errors}
                  onAnswer={(rater, patch, field) => setAnswer(item.id, rater, patch, field)}
                />
              ))}
            </fieldset>
          </details>
        ))}
        <ConsentAwareError failure={failure} participantId={participantId} />
        {confirmDiscard ? (
          <ConfirmBox
            question={t('assessments.form.discardQuestion')}
            explanation={t('assessments.form.discardExplanation')}
            confirmLabel={t('assessments.form.discard')}
            destructive
            busy={false}
            failure={null}
            onConfirm={onCancel}
            onCancel={() => setConfirmDiscard(false)}
          />
        ) : (
          <FormActions
            submitLabel={t('assessments.form.save')}
            busy={busy}
            onCancel={() => (dirty ? setConfirmDiscard(true) : onCancel())}
            className="form-actions"
          />
        )}
      </form>
    </Section>
  );
}

interface ItemFieldsProps {
  item: FormItem;
  instrument: Instrument;
  draft: AssessmentDraft;
  errors: FieldErrors;
  onAnswer: (rater: Rater, patch: Partial<AnswerDraft>, field: string) => void;
}

/** One item: its wording and guidance, and one group of answer fields for each rater it asks. */
function ItemFields({ item, instrument, draft, errors, onAnswer }: ItemFieldsProps) {
  const { t } = useTranslation();
  const word = useWording();
  const id = useId();
  const both = item.raters.length > 1;
  const guidance = item.guidance ? word(item.guidance) : null;
  return (
    <fieldset className="assessment-item" aria-describedby={guidance ? `${id}-hint` : undefined}>
      <legend id={`${id}-item`}>{word(item.wording)}</legend>
      <FieldHint id={`${id}-hint`} hint={guidance} />
      {item.raters.map((rater) => {
        const answer = draft.answers[answerKey(item.id, rater)]!;
        const fields = (
          <AnswerFields
            labelledBy={both ? `${id}-item ${id}-${rater}` : `${id}-item`}
            item={item}
            rater={rater}
            instrument={instrument}
            answer={answer}
            errors={errors}
            onAnswer={(patch, field) => onAnswer(rater, patch, field)}
          />
        );
        return both ? (
          <fieldset key={rater} className={`assessment-rater assessment-rater-${rater}`}>
            <legend id={`${id}-${rater}`}>{t(`assessments.raters.${rater}`)}</legend>
            {fields}
          </fieldset>
        ) : (
          <div key={rater}>{fields}</div>
        );
      })}
    </fieldset>
  );
}

interface AnswerFieldsProps {
  /** The ids of the legends that name the answer's group of steps: the item's, and the rater's when both answer. */
  labelledBy: string;
  item: FormItem;
  rater: Rater;
  instrument: Instrument;
  answer: AnswerDraft;
  errors: FieldErrors;
  onAnswer: (patch: Partial<AnswerDraft>, field: string) => void;
}

/** One rater's answer: the step (or the written answer), the note, the interpreter and the language. */
function AnswerFields({ labelledBy, item, rater, instrument, answer, errors, onAnswer }: AnswerFieldsProps) {
  const { t } = useTranslation();
  const word = useWording();
  const id = useId();
  const error = (field: string) => errors[answerFieldKey(item.id, rater, field)];
  const stepError = error('score');
  return (
    <>
      {item.scale === 'text' ? (
        <TextAreaField
          label={t('assessments.form.answer')}
          rows={3}
          maxLength={ANSWER_TEXT_MAX}
          spellCheck
          value={answer.text}
          error={error('text') ?? stepError}
          onChange={(e) => onAnswer({ text: e.target.value }, 'text')}
        />
      ) : (
        <div
          role="radiogroup"
          // Focusable by script, as the risk level's group is: a refusal sends the focus to the group, which names it.
          tabIndex={-1}
          aria-labelledby={labelledBy}
          aria-invalid={stepError ? true : undefined}
          aria-describedby={stepError ? `${id}-error` : undefined}
          className={stepError ? 'assessment-steps field-invalid' : 'assessment-steps'}
        >
          {instrument.scales[item.scale].map((step) => (
            <label key={step.score} className="assessment-step">
              <input
                type="radio"
                name={`${id}-step`}
                value={step.score}
                checked={answer.score === step.score}
                onChange={() => onAnswer({ score: step.score }, 'score')}
              />
              <span>{word(step.label)}</span>
            </label>
          ))}
          <FieldError id={`${id}-error`} error={stepError} />
        </div>
      )}
      <div className="assessment-answer-details">
        <Field
          label={t('assessments.form.note')}
          maxLength={ANSWER_NOTE_MAX}
          value={answer.note}
          error={error('note')}
          onChange={(e) => onAnswer({ note: e.target.value }, 'note')}
        />
        <CheckboxField
          label={t('assessments.form.withInterpreter')}
          checked={answer.withInterpreter}
          onChange={(e) => onAnswer({ withInterpreter: e.target.checked }, 'withInterpreter')}
        />
        <Field
          label={t('assessments.form.language')}
          maxLength={ANSWER_LANGUAGE_MAX}
          value={answer.language}
          error={error('language')}
          onChange={(e) => onAnswer({ language: e.target.value }, 'language')}
        />
      </div>
    </>
  );
}
