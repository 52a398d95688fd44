import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortMember } from '@shared/cohorts';
import { formatDay } from '../../i18n/format';

/** Everyone enrolled in the cohort, as the reader may see them (first name and code for a teacher). */
export function MemberList({ members }: { members: readonly CohortMember[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programme.members.title')}</h2>
      {members.length === 0 ? (
        <p className="detail-empty">{t('programme.members.none')}</p>
      ) : (
        <table className="programme-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('programme.members.name')}</th>
              <th scope="col">{t('programme.members.pseudonym')}</th>
              <th scope="col">{t('programme.members.dates')}</th>
              <th scope="col">{t('programme.members.mode')}</th>
              <th scope="col">{t('programme.members.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.enrolmentId}>
                <th scope="row">{m.displayName}</th>
                <td>{m.pseudonym}</td>
                <td>
                  {m.endDate
                    ? t('programme.members.period', { start: formatDay(m.startDate), end: formatDay(m.endDate) })
                    : t('programme.members.since', { start: formatDay(m.startDate) })}
                </td>
                <td>{t(`programme.mode.${m.mode}`)}</td>
                <td>{m.outcome ? t(`participant.status.${m.outcome}`) : t('programme.members.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
