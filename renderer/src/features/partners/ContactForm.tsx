import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerContact } from '@shared/partners';
import { FormActions } from '../../components/FormActions';
import { Field } from '../../components/Field';
import { useChannelForm } from '../../components/useChannelForm';
import { PARTNER_CHANGES } from './mutations';
import { contactErrors } from './labels';

interface ContactFormProps {
  partnerId: string;
  /** The contact person to change; absent for a new one. */
  contact?: PartnerContact | undefined;
  onSaved: (contact: PartnerContact) => void;
  onCancel: () => void;
}

/** A partner's contact person: name, title, phone and email. */
export function ContactForm({ partnerId, contact, onSaved, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(contact?.name ?? '');
  const [role, setRole] = useState(contact?.role ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const {
    formRef,
    errors: found,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({ onCancel, invalidates: PARTNER_CHANGES });
  const errors = contactErrors(found);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const submit = (event: FormEvent) =>
    send(
      event,
      'partners.saveContact',
      { ...(contact ? { id: contact.id } : {}), partnerId, name, role, phone, email },
      (saved) => onSaved(saved.contact),
    );

  const field = (key: 'role' | 'phone' | 'email', value: string, set: (v: string) => void) => ({
    value,
    error: errors[key],
    onChange: (e: { target: { value: string } }) => edit(key, set)(e.target.value),
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="partners-form">
      <h5>{contact ? t('partners.contacts.editTitle', { name: contact.name }) : t('partners.contacts.addTitle')}</h5>
      <Field
        ref={nameInput}
        label={t('partners.contacts.name')}
        value={name}
        error={errors.name}
        onChange={(e) => edit('name', setName)(e.target.value)}
      />
      <Field label={t('partners.contacts.role')} hint={t('partners.contacts.roleHint')} {...field('role', role, setRole)} />
      <Field label={t('partners.contacts.phone')} type="tel" {...field('phone', phone, setPhone)} />
      <Field label={t('partners.contacts.email')} type="email" {...field('email', email, setEmail)} />
      <FormActions submitLabel={t('partners.contacts.save')} busy={busy} failure={failure} onCancel={onCancel} />
    </form>
  );
}
