import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortSummary } from '@shared/cohorts';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDayRange } from '../../i18n/format';
import { formatTimeRange, formatWeekdays } from './format';

/** Every cohort, newest start first: its period, rhythm, place and how many are enrolled; a name opens it. */
export function CohortList({ onOpen }: { onOpen: (cohortId: string) => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  const [cohorts, setCohorts] = useState<CohortSummary[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('cohorts.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setCohorts(result.value);
      else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, []);

  if (failure) return <ErrorMessage failure={failure} />;
  if (cohorts === null)
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (cohorts.length === 0) return <p className="detail-empty">{t('programme.cohorts.none')}</p>;
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
