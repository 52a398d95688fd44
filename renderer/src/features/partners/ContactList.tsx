import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerContact } from '@shared/partners';
import { ConfirmBox } from '../../components/ConfirmBox';
import { useChannelAction } from '../../components/useChannelAction';
import { PARTNER_CHANGES } from './mutations';
import { usePendingFocus } from '../../components/usePendingFocus';
import { ContactForm } from './ContactForm';

interface ContactListProps {
  partnerId: string;
  contacts: readonly PartnerContact[];
  canWrite: boolean;
  /** After a contact was added, changed or removed: the sentence to announce. */
  onChanged: (message: string) => void;
}

type Open = { kind: 'add' } | { kind: 'edit' | 'remove'; id: string } | null;

/** A partner's contact people, each with its edit and remove (after a confirmation); adding one below. */
export function ContactList({ partnerId, contacts, canWrite, onChanged }: ContactListProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const [open, setOpen] = useState<Open>(null);
  const removal = useChannelAction({ invalidates: PARTNER_CHANGES });

  function close(focusKey: string, message: string | null) {
    setOpen(null);
    focusLater(focusKey);
    if (message) onChanged(message);
  }

  function remove(contact: PartnerContact) {
    void removal.run('partners.removeContact', { id: contact.id }, () => close('contacts:add', t('partners.contacts.removed')));
  }

  return (
    <div ref={root} className="partners-contacts">
      {contacts.length === 0 ? <p className="detail-empty">{t('partners.contacts.none')}</p> : null}
      <ul className="partners-contact-list">
        {contacts.map((contact) => {
          const name = contact.name;
          const here = open !== null && open.kind !== 'add' && open.id === contact.id ? open.kind : null;
          return (
            <li key={contact.id}>
              <p className="partners-contact-line">
                <strong>{name}</strong>
                <span>{contact.role ?? t('partners.contacts.noRole')}</span>
                {contact.phone ? <span>{contact.phone}</span> : null}
                {contact.email ? <span>{contact.email}</span> : null}
              </p>
              {canWrite && here === null ? (
                <div className="actions">
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    data-focus-key={`edit:${contact.id}`}
                    aria-label={t('partners.contacts.editFor', { name })}
                    onClick={() => setOpen({ kind: 'edit', id: contact.id })}
                  >
                    {t('partners.contacts.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    data-focus-key={`remove:${contact.id}`}
                    aria-label={t('partners.contacts.removeFor', { name })}
                    onClick={() => {
                      removal.setFailure(null);
                      setOpen({ kind: 'remove', id: contact.id });
                    }}
                  >
                    {t('partners.contacts.remove')}
                  </button>
                </div>
              ) : null}
              {here === 'edit' ? (
                <ContactForm
                  partnerId={partnerId}
                  contact={contact}
                  onSaved={() => close(`edit:${contact.id}`, t('partners.contacts.saved'))}
                  onCancel={() => close(`edit:${contact.id}`, null)}
                />
              ) : null}
              {here === 'remove' ? (
                <ConfirmBox
                  question={t('partners.contacts.removeQuestion', { name })}
                  explanation={t('partners.contacts.removeExplanation')}
                  confirmLabel={t('partners.contacts.removeConfirm')}
                  destructive
                  busy={removal.busy}
                  failure={removal.failure}
                  onConfirm={() => remove(contact)}
                  onCancel={() => close(`remove:${contact.id}`, null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {canWrite ? (
        open?.kind === 'add' ? (
          <ContactForm
            partnerId={partnerId}
            onSaved={(saved) => close(`edit:${saved.id}`, t('partners.contacts.saved'))}
            onCancel={() => close('contacts:add', null)}
          />
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button button-small button-secondary"
              data-focus-key="contacts:add"
              onClick={() => setOpen({ kind: 'add' })}
            >
              {t('partners.contacts.add')}
            </button>
          </div>
        )
      ) : null}
    </div>
  );
}
