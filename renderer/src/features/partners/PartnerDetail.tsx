import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import type { Partner } from '@shared/partners';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { ContactList } from './ContactList';
import { VisitTable } from './VisitTable';

interface PartnerDetailProps {
  partnerId: string;
  canWrite: boolean;
  /** The partner's contacts changed, so the list's counts are out of date. */
  onChanged: () => void;
}

/** One partner's page: its notes, contact people and the visits made to it. */
export function PartnerDetail({ partnerId, canWrite, onChanged }: PartnerDetailProps) {
  const { t } = useTranslation();
  const [partner, setPartner] = useState<Partner | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void invoke('partners.get', { id: partnerId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFailure(null);
        setPartner(result.value);
      } else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, [partnerId, version]);

  function contactsChanged(message: string) {
    setNotice(message);
    setVersion((v) => v + 1);
    onChanged();
  }

  if (failure) return <ErrorMessage failure={failure} />;
  if (!partner)
    return (
      <p className="loading" role="status">
        {t('partners.loading')}
      </p>
    );
  return (
    <div className="partners-detail">
      <h3>{partner.name}</h3>
      <p className="partners-meta">{t(`partners.types.${partner.type}`)}</p>
      <h4>{t('partners.detail.notes')}</h4>
      <p className="partners-text">{partner.notes ?? t('partners.detail.noNotes')}</p>
      <h4>{t('partners.contacts.title')}</h4>
      <StatusMessage tone="success">{notice}</StatusMessage>
      <ContactList partnerId={partner.id} contacts={partner.contactList} canWrite={canWrite} onChanged={contactsChanged} />
      <h4>{t('partners.visits.title')}</h4>
      <VisitTable partnerName={partner.name} visits={partner.visitList} />
    </div>
  );
}
