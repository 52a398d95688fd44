import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_KINDS, type FlagKind, type SafetyFlag } from '@shared/flags';
import { StatusMessage } from '../../components/ErrorMessage';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelForm } from '../../components/useChannelForm';
import { FLAG_CHANGES } from './mutations';
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
  const kindInput = useRef<HTMLSelectElement>(null);
  const [kind, setKind] = useState<FlagKind>('exploiter_contact_risk');
  const [note, setNote] = useState('');
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel, invalidates: FLAG_CHANGES });

  useEffect(() => {
    kindInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) => send(event, 'flags.set', { participantId, kind, note }, (value) => onAdded(value.flag));

  return (
    <Section title={t('flags.add.title')} className="flag-panel">
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy}>
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
