import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DomainChangeCounts } from '@shared/assessments';
import { cohortChangeLegend, domainChangeChart } from '@shared/charts/cohort-change';
import { ChartSvg } from '../../components/ChartSvg';
import { QueryState } from '../../components/QueryState';
import { cohortChangeQuery } from './queries';

/**
 * How the cohort moved from intake to exit, per domain: a small chart each and the same counts as a table, without a
 * name. Shown only to roles that read assessments (teachers do not; the page does not even ask for it for them).
 */
export function CohortChangeSection({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(cohortChangeQuery(cohortId));
  return (
    <section className="card cohort-change" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('assessments.cohortChange.heading')}</h2>
      <QueryState
        query={query}
        loading={t('common.loading')}
        isEmpty={({ domains }) => domains.every((d) => d.up + d.same + d.down === 0)}
        empty={<p>{t('assessments.cohortChange.none')}</p>}
      >
        {({ domains }) => <CohortChangeFigures domains={domains} />}
      </QueryState>
    </section>
  );
}

function CohortChangeFigures({ domains }: { domains: DomainChangeCounts[] }) {
  const { t } = useTranslation();
  const kinds = {
    up: t('assessments.cohortChange.kinds.up'),
    same: t('assessments.cohortChange.kinds.same'),
    down: t('assessments.cohortChange.kinds.down'),
    missing: t('assessments.cohortChange.kinds.missing'),
  };
  return (
    <>
      <p className="muted">{t('assessments.cohortChange.howCounted')}</p>
      <ChartSvg model={cohortChangeLegend(kinds, t('assessments.cohortChange.legend'))} className="chart cohort-change-legend" />
      <ul className="cohort-change-charts">
        {domains.map((row) => {
          const domain = t(`assessments.domains.${row.domain}`);
          return (
            <li key={row.domain}>
              <h3>{domain}</h3>
              <ChartSvg
                model={domainChangeChart(row, {
                  title: domain,
                  description: t('assessments.cohortChange.chartDescription', { ...row, domain }),
                })}
              />
            </li>
          );
        })}
      </ul>
      <table className="cohort-change-table">
        <caption>{t('assessments.cohortChange.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.cohortChange.domain')}</th>
            {(['up', 'same', 'down', 'missing'] as const).map((kind) => (
              <th scope="col" key={kind}>
                {kinds[kind]}
              </th>
            ))}
            <th scope="col">{t('assessments.cohortChange.total')}</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((row) => (
            <tr key={row.domain} data-domain={row.domain}>
              <th scope="row">{t(`assessments.domains.${row.domain}`)}</th>
              {(['up', 'same', 'down', 'missing'] as const).map((kind) => (
                <td key={kind} data-kind={kind}>
                  {row[kind]}
                </td>
              ))}
              <td data-kind="total">{row.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
