import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { ContactList } from './ContactList';
import { partnerQuery } from './queries';
import { ReceivedReferrals } from './ReceivedReferrals';
import { VisitTable } from './VisitTable';

interface PartnerDetailProps {
  partnerId: string;
  canWrite: boolean;
}

/** One partner's page: its notes, contact people, the visits made to it and the referrals it received. */
export function PartnerDetail({ partnerId, canWrite }: PartnerDetailProps) {
  const { t } = useTranslation();
  const query = useQuery(partnerQuery(partnerId));
  // The change itself refreshed the partner and the list's counts (mutations.ts); only the sentence is said here.
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <QueryState query={query} loading={t('partners.loading')}>
      {(partner) => (
        <div className="partners-detail">
          <h3>{partner.name}</h3>
          <p className="partners-meta">{t(`partners.types.${partner.type}`)}</p>
          <h4>{t('partners.detail.notes')}</h4>
          <p className="partners-text">{partner.notes ?? t('partners.detail.noNotes')}</p>
          <h4>{t('partners.contacts.title')}</h4>
          <StatusMessage tone="success">{notice}</StatusMessage>
          <ContactList partnerId={partner.id} contacts={partner.contactList} canWrite={canWrite} onChanged={setNotice} />
          <h4>{t('partners.visits.title')}</h4>
          <VisitTable partnerName={partner.name} visits={partner.visitList} />
          <ReceivedReferrals partnerId={partner.id} />
        </div>
      )}
    </QueryState>
  );
}
