import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PartnerReferrals } from '@shared/referrals';
import { QueryState } from '../../components/QueryState';
import { formatDay, formatNumber } from '../../i18n/format';
import { useOpenPlace } from '../../shell/navigation';
import { partnerReferralsQuery } from './queries';

/**
 * The referrals a partner received: how many in each status, and for staff who read referrals the referrals
 * themselves, each name opening that participant's Referrals tab. A teacher sees the counts alone.
 */
export function ReceivedReferrals({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const query = useQuery(partnerReferralsQuery(partnerId));
  return (
    <>
      <h4>{t('partners.referrals.title')}</h4>
      <QueryState query={query} loading={t('partners.referrals.loading')}>
        {(answer) =>
          answer.total === 0 ? (
            <p className="detail-empty">{t('partners.referrals.none')}</p>
          ) : (
            <>
              <Counts counts={answer.counts} />
              {answer.referrals ? (
                <ReferralLines referrals={answer.referrals} total={answer.total} />
              ) : (
                <p className="field-hint">{t('partners.referrals.countsOnly')}</p>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Counts({ counts }: { counts: PartnerReferrals['counts'] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <p id={id} className="visually-hidden">
        {t('partners.referrals.countsLabel')}
      </p>
      <ul className="partners-referral-counts" aria-labelledby={id}>
        {counts.map(({ status, count }) => (
          <li key={status}>
            {t('partners.referrals.count', { status: t(`referrals.statuses.${status}`), count: formatNumber(count) })}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReferralLines({ referrals, total }: { referrals: NonNullable<PartnerReferrals['referrals']>; total: number }) {
  const { t } = useTranslation();
  const openPlace = useOpenPlace();
  return (
    <>
      <table className="partners-table partners-referrals">
        <caption className="visually-hidden">{t('partners.referrals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partners.referrals.columns.participant')}</th>
            <th scope="col">{t('partners.referrals.columns.service')}</th>
            <th scope="col">{t('partners.referrals.columns.status')}</th>
            <th scope="col">{t('partners.referrals.columns.sent')}</th>
            <th scope="col">{t('partners.referrals.columns.followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <button
                  type="button"
                  className="button-link"
                  aria-label={t('partners.referrals.open', { name: r.displayName, code: r.pseudonym })}
                  onClick={() => openPlace({ page: 'participant', id: r.participantId, from: 'participants', tab: 'referrals' })}
                >
                  {t('todayPage.name', { name: r.displayName, code: r.pseudonym })}
                </button>
              </th>
              <td>{t(`referrals.serviceTypes.${r.serviceType}`)}</td>
              <td>
                {t(`referrals.statuses.${r.status}`)}
                {r.overdue ? (
                  <>
                    {' '}
                    <span className="partners-overdue">{t('todayPage.followUps.overdue')}</span>
                  </>
                ) : null}
              </td>
              <td>{formatDay(r.sentOn)}</td>
              <td>{r.followUpOn ? formatDay(r.followUpOn) : t('referrals.tab.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > referrals.length ? (
        <p className="field-hint">
          {t('partners.referrals.more', { shown: formatNumber(referrals.length), total: formatNumber(total) })}
        </p>
      ) : null}
    </>
  );
}
