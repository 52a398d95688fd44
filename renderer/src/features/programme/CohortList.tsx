import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CohortSummary } from '@shared/cohorts';
import { formatDayRange } from '../../i18n/format';
import { formatWeekdays, formatTimeRange } from './format';
import { QueryState } from '../../components/QueryState';
import { cohortListQuery } from './queries';

/** Every cohort, newest start first: its period, rhythm, place and how many are enrolled; a name opens it. */
export function CohortList({ onOpen }: { onOpen: (cohortId: string) => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  const query = useQuery(cohortListQuery());
  return (
    <QueryState query={query} loading={t('common.loading')} empty={<p className="detail-empty">{t('programme.cohorts.none')}</p>}>
      {(cohorts) => <CohortTable cohorts={cohorts} captionId={captionId} onOpen={onOpen} />}
    </QueryState>
  );
}

function CohortTable({
  cohorts,
  captionId,
  onOpen,
}: {
  cohorts: CohortSummary[];
  captionId: string;
  onOpen: (cohortId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="programme-table" aria-labelledby={captionId}>
      <caption id={captionId}>{t('programme.cohorts.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programme.cohorts.name')}</th>
          <th scope="col">{t('programme.cohorts.dates')}</th>
          <th scope="col">{t('programme.cohorts.rhythm')}</th>
          <th scope="col">{t('programme.cohorts.place')}</th>
          <th scope="col">{t('programme.cohorts.enrolled')}</th>
        </tr>
      </thead>
      <tbody>
        {cohorts.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <button type="button" className="button-link" onClick={() => onOpen(c.id)}>
                {c.name}
              </button>
            </th>
            <td>{formatDayRange(c.startDate, c.endDate)}</td>
            <td>
              {formatWeekdays(c.weekdays)} {formatTimeRange(c.startTime, c.endTime)}
            </td>
            <td>{c.place ?? t('programme.none')}</td>
            <td>{c.enrolled}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
