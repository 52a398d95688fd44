import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner, PartnerSummary, PartnerType } from '@shared/partners';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelForm } from '../../components/useChannelForm';
import { PARTNER_CHANGES } from './mutations';
import { partnerTypeOptions } from './labels';

interface PartnerFormProps {
  /** The partner to change, with its notes; absent for a new one. */
  partner?: (PartnerSummary & { notes: string | null }) | undefined;
  onSaved: (partner: Partner) => void;
  onCancel: () => void;
}

/** Adds a partner organisation or changes one: name, type, notes and whether the programme still works with it. */
export function PartnerForm({ partner, onSaved, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(partner?.name ?? '');
  const [type, setType] = useState<PartnerType>(partner?.type ?? 'employer');
  const [notes, setNotes] = useState(partner?.notes ?? '');
  const [active, setActive] = useState(partner?.active ?? true);
  const { formRef, errors, edit, failure, busy, submit: send } = useChannelForm({ onCancel, invalidates: PARTNER_CHANGES });

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) =>
    send(event, 'partners.save', { ...(partner ? { id: partner.id, active } : {}), name, type, notes }, (saved) =>
      onSaved(saved.partner),
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="partners-form">
      <h3>{partner ? t('partners.edit.title', { name: partner.name }) : t('partners.add.title')}</h3>
      <Field
        ref={nameInput}
        label={t('partners.form.name')}
        value={name}
        maxLength={200}
        error={errors.name}
        onChange={(e) => edit('name', setName)(e.target.value)}
      />
      <SelectField
        label={t('partners.form.type')}
        options={partnerTypeOptions()}
        value={type}
        error={errors.type}
        onChange={(e) => edit('type', setType)(e.target.value as PartnerType)}
      />
      <TextAreaField
        label={t('partners.form.notes')}
        hint={t('partners.form.notesHint')}
        value={notes}
        rows={4}
        error={errors.notes}
        onChange={(e) => edit('notes', setNotes)(e.target.value)}
      />
      {partner ? (
        <CheckboxField
          label={t('partners.form.active')}
          hint={t('partners.form.activeHint')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
      ) : null}
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {partner ? t('partners.edit.submit') : t('partners.add.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
