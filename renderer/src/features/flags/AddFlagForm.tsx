import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_KINDS, type FlagKind, type SafetyFlag } from '@shared/flags';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { StatusMessage } from '../../components/ErrorMessage';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useEscape } from '../../components/useEscape';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { FormProblem } from '../consents/FormProblem';

interface AddFlagFormProps {
  participantId: string;
  onAdded: (flag: SafetyFlag) => void;
  onCancel: () => void;
}

const isKind = (value: string): value is FlagKind => (FLAG_KINDS as readonly string[]).includes(value);

/** A new safety flag: its kind and, in a note, what staff must do (required for "other"). */
export function AddFlagForm({ participantId, onAdded, onCancel }: AddFlagFormProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const kindInput = useRef<HTMLSelectElement>(null);
  const [kind, setKind] = useState<FlagKind>('exploiter_contact_risk');
  const [note, setNote] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(form, attempt);
  useEscape(form, onCancel);

  useEffect(() => {
    kindInput.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('flags.set', { participantId, kind, note });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('flags.set', validated.data);
    setBusy(false);
    if (result.ok) return onAdded(result.value.flag);
    setFailure(result);
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <Section title={t('flags.add.title')} className="flag-panel">
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <SelectField
          ref={kindInput}
          label={t('flags.add.kind')}
          options={FLAG_KINDS.map((k) => ({ value: k, label: t(`flags.kinds.${k}`) }))}
          value={kind}
          onChange={(event) => {
            if (isKind(event.target.value)) edit('kind', setKind)(event.target.value);
          }}
          error={errors.kind}
        />
        <TextAreaField
          label={t('flags.add.note')}
          hint={t('flags.add.noteHint')}
          rows={3}
          value={note}
          onChange={(event) => edit('note', setNote)(event.target.value)}
          error={errors.note}
        />
        <FormProblem failure={failure} fields={['kind', 'note']} />
        <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('flags.add.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Section>
  );
}
