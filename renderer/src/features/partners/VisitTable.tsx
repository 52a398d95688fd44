import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '@shared/visits';
import { formatDay } from '../../i18n/format';

/** A partner's visits, newest first: when, which group, what kind, what the group learned and what follows. */
export function VisitTable({ partnerName, visits }: { partnerName: string; visits: readonly Visit[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  if (visits.length === 0) return <p className="detail-empty">{t('partners.visits.none')}</p>;
  return (
    <table className="partners-table partners-visits" aria-labelledby={captionId}>
      <caption id={captionId} className="visually-hidden">
        {t('partners.visits.caption', { name: partnerName })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('partners.visits.date')}</th>
          <th scope="col">{t('partners.visits.cohort')}</th>
          <th scope="col">{t('partners.visits.kind')}</th>
          <th scope="col">{t('partners.visits.learned')}</th>
          <th scope="col">{t('partners.visits.followUps')}</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((visit) => (
          <tr key={visit.id}>
            <th scope="row">{formatDay(visit.sessionDate)}</th>
            <td>{visit.cohortName}</td>
            <td>{t(`partners.kinds.${visit.kind}`)}</td>
            <td className="partners-text">{visit.learned ?? '–'}</td>
            <td className="partners-text">{visit.followUps ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
