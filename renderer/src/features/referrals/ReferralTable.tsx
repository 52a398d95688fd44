import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/referrals';
import { formatDay } from '../../i18n/format';

interface ReferralTableProps {
  referrals: readonly Referral[];
  /** The referral shown under the list, if any: its button says it is open. */
  openId: string | null;
  onOpen: (referral: Referral) => void;
}

/** A participant's referrals as the main side orders them (newest first), one row each. */
export function ReferralTable({ referrals, openId, onOpen }: ReferralTableProps) {
  const { t } = useTranslation();
  return (
    <table className="referrals-table">
      <caption className="visually-hidden">{t('referrals.tab.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('referrals.tab.columns.partner')}</th>
          <th scope="col">{t('referrals.tab.columns.service')}</th>
          <th scope="col">{t('referrals.tab.columns.status')}</th>
          <th scope="col">{t('referrals.tab.columns.urgency')}</th>
          <th scope="col">{t('referrals.tab.columns.followUp')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('referrals.tab.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((referral) => {
          const service = t(`referrals.serviceTypes.${referral.serviceType}`);
          return (
            <tr key={referral.id} className={referral.id === openId ? 'referrals-row-open' : undefined}>
              <th scope="row">{referral.partnerName}</th>
              <td>{service}</td>
              <td>
                <span className={`referral-status referral-status-${referral.status}`}>
                  {t(`referrals.statuses.${referral.status}`)}
                </span>
              </td>
              <td>{t(`referrals.urgencies.${referral.urgency}`)}</td>
              <td>
                {referral.followUpOn ? formatDay(referral.followUpOn) : t('referrals.tab.none')}
                {referral.overdue ? (
                  <>
                    {' '}
                    <span className="referral-overdue">{t('todayPage.followUps.overdue')}</span>
                  </>
                ) : null}
              </td>
              <td>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={t('referrals.tab.openOf', { partner: referral.partnerName, service })}
                  aria-expanded={referral.id === openId}
                  data-focus-key={`open:${referral.id}`}
                  onClick={() => onOpen(referral)}
                >
                  {t('referrals.tab.open')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
