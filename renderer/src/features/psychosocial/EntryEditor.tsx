import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { DURATION_MINUTES, PSYCHOSOCIAL_KINDS, type PsychosocialKind } from '@shared/psychosocial';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues } from '../../api/validate';
import { StatusMessage } from '../../components/ErrorMessage';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useEscape } from '../../components/useEscape';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { validateEntry, type EntryForm, type EntryTarget } from './entryForm';
import { today } from '@shared/days';
import { RiskLevelField } from './RiskLevel';

interface EntryEditorProps {
  /** Whose file: a refusal for a missing consent leads to their consent register. */
  participantId: string;
  /** A new meeting of a participant, or the entry being edited. */
  target: EntryTarget;
  initial: EntryForm;
  title: string;
  submitLabel: string;
  /**
   * The entry's private notes are sealed for this reader (her key is not on this computer): they cannot be read or
   * replaced, the other fields still save and the notes are kept as they are.
   */
  privateSealed?: boolean;
  /** Saved; `changed` is false when an edit changed nothing. */
  onSaved: (changed: boolean) => void;
  onCancel: () => void;
}

const isKind = (value: string): value is PsychosocialKind => (PSYCHOSOCIAL_KINDS as readonly string[]).includes(value);

/**
 * The psychologist's form for one meeting. The private notes are marked as readable by psychologists only, and
 * the shareable summary says what belongs in it. Checked with the channel's schema before sending.
 */
export function EntryEditor({
  participantId,
  target,
  initial,
  title,
  submitLabel,
  privateSealed = false,
  onSaved,
  onCancel,
}: EntryEditorProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<EntryForm>(initial);
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(form, attempt);
  useEscape(form, onCancel);

  useEffect(() => {
    first.current?.focus();
  }, []);

  /** Sets one field, clearing its error (and `errorField`'s, where the error of a field is shown elsewhere). */
  const set = <K extends keyof EntryForm>(key: K, errorField: string = key) =>
    edit(errorField, (value: EntryForm[K]) => setValues((current) => ({ ...current, [key]: value })));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const checked = validateEntry(target, values, today());
    if (!checked.ok) {
      setErrors(checked.errors);
      return setAttempt((n) => n + 1);
    }
    setErrors({});
    setBusy(true);
    const result =
      checked.channel === 'psychosocial.create'
        ? await invoke('psychosocial.create', checked.input).then((r) => (r.ok ? { ok: true as const, changed: true } : r))
        : await invoke('psychosocial.update', checked.input).then((r) =>
            r.ok ? { ok: true as const, changed: r.value.changed } : r,
          );
    setBusy(false);
    if (result.ok) return onSaved(result.changed);
    setFailure(result);
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-busy={busy} className="psy-form">
      <h3>{title}</h3>
      <div className="psy-field-row">
        <DateField
          ref={first}
          className="psy-input-date"
          label={t('psychosocial.fields.date')}
          value={values.date}
          years="past"
          onChange={(value) => set('date')(value)}
          error={errors.date}
        />
        <Field
          className="input-short"
          inputMode="numeric"
          label={t('psychosocial.fields.duration')}
          hint={t('psychosocial.fields.durationHint', DURATION_MINUTES)}
          value={values.durationMinutes}
          onChange={(event) => set('durationMinutes')(event.target.value)}
          error={errors.durationMinutes}
        />
        <SelectField
          label={t('psychosocial.fields.kind')}
          options={PSYCHOSOCIAL_KINDS.map((kind) => ({ value: kind, label: t(`psychosocial.kinds.${kind}`) }))}
          value={values.kind}
          onChange={(event) => {
            if (isKind(event.target.value)) set('kind')(event.target.value);
          }}
          error={errors.kind}
        />
      </div>
      <RiskLevelField value={values.riskLevel} onChange={set('riskLevel')} error={errors.riskLevel} />
      <TextAreaField
        label={t('psychosocial.fields.summary')}
        hint={t('psychosocial.fields.summaryHint')}
        rows={4}
        value={values.summary}
        onChange={(event) => set('summary')(event.target.value)}
        error={errors.summary}
      />
      <div className="psy-private-field">
        {privateSealed ? (
          <p className="psy-private-head">
            <strong className="psy-private-badge">{t('psychosocial.onlyPsychologists')}</strong>{' '}
            {t('psychosocial.private.sealedEdit')}
          </p>
        ) : (
          <TextAreaField
            label={t('psychosocial.fields.privateNotes')}
            hint={
              <>
                <strong className="psy-private-badge">{t('psychosocial.onlyPsychologists')}</strong>{' '}
                {t('psychosocial.fields.privateHint')}
              </>
            }
            rows={8}
            value={values.privateNotes}
            onChange={(event) => set('privateNotes')(event.target.value)}
            error={errors.privateNotes}
          />
        )}
      </div>
      <fieldset className="psy-appointment field">
        <legend className="psy-legend">{t('psychosocial.fields.nextAppointment')}</legend>
        <p className="field-hint">{t('psychosocial.fields.appointmentHint')}</p>
        <div className="psy-field-row">
          <DateField
            className="psy-input-date"
            label={t('psychosocial.fields.appointmentDate')}
            value={values.appointmentDate}
            onChange={(value) => set('appointmentDate', 'nextAppointment.date')(value)}
            error={errors['nextAppointment.date'] ?? errors.nextAppointment}
          />
          <TimeField
            className="psy-input-time"
            label={t('psychosocial.fields.appointmentTime')}
            value={values.appointmentTime}
            onChange={(value) => set('appointmentTime', 'nextAppointment.time')(value)}
            error={errors['nextAppointment.time']}
          />
        </div>
      </fieldset>
      <ConsentAwareError failure={failure} participantId={participantId} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
