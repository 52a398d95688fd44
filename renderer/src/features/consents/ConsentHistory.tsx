import { useTranslation } from 'react-i18next';
import type { ConsentRegister } from '@shared/consents';
import { formatDay, formatMoment } from '../../i18n/format';

/**
 * Earlier records, collapsed: consents that were withdrawn and permissions that ended, newest first within
 * each purpose. Nothing here is in force; the table above says what is.
 */
export function ConsentHistory({ register }: { register: ConsentRegister }) {
  const { t } = useTranslation();
  const someone = t('consents.someone');
  const rows = register.purposes.flatMap((p) => {
    const purpose = t(`consents.purposes.${p.purpose}`);
    return [
      ...p.consents
        .filter((c) => c.withdrawnOn !== null)
        .map((c) => ({
          id: c.id,
          purpose,
          what: t('consents.history.consent'),
          lines: [
            c.partnerName ? t('consents.details.partner', { name: c.partnerName }) : null,
            t('consents.details.given', {
              date: formatDay(c.givenOn),
              method: t(`consents.methods.${c.method}`),
              name: c.recordedByName ?? someone,
            }),
            t('consents.details.withdrawn', {
              date: formatDay(c.withdrawnOn ?? ''),
              name: c.withdrawalRecordedByName ?? someone,
            }),
            c.withholdFrom ? t('consents.details.withholdFrom', { who: c.withholdFrom }) : null,
            c.withholdReason ? t('consents.details.withholdReason', { why: c.withholdReason }) : null,
          ],
        })),
      ...p.overrides
        .filter((o) => o.revokedAt !== null)
        .map((o) => ({
          id: o.id,
          purpose,
          what: t('consents.history.override'),
          lines: [
            t('consents.details.override', { name: o.grantedByName ?? someone, date: formatMoment(o.grantedAt) }),
            t('consents.details.overrideReason', { reason: o.reason }),
            t('consents.details.revoked', { date: formatMoment(o.revokedAt ?? ''), name: o.revokedByName ?? someone }),
          ],
        })),
    ];
  });
  if (rows.length === 0) return null;

  return (
    <details className="consent-history">
      <summary>{t('consents.history.summary', { count: rows.length })}</summary>
      <table className="consent-table">
        <caption>{t('consents.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consents.table.purpose')}</th>
            <th scope="col">{t('consents.history.what')}</th>
            <th scope="col">{t('consents.table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.purpose}</th>
              <td>{row.what}</td>
              <td className="consent-details">
                {row.lines.map((line, index) =>
                  line ? (
                    <p key={index} className="consent-multiline">
                      {line}
                    </p>
                  ) : null,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
