import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CohortDetail } from '@shared/cohorts';
import { StatusMessage } from '../../components/ErrorMessage';
import { CohortEditForm } from './CohortEditForm';
import { formatDayRange } from '../../i18n/format';
import { formatTimeRange, formatWeekdays } from './format';

interface CohortSummaryCardProps {
  cohort: CohortDetail;
  canEdit: boolean;
}

/** The cohort at a glance: period, rhythm, place, staff and session counts; "Edit" for staff who set cohorts up. */
export function CohortSummaryCard({ cohort, canEdit }: CohortSummaryCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function close(saved: boolean) {
    setEditing(false);
    if (saved) setNotice(t('programme.cohort.saved'));
    requestAnimationFrame(() => editButton.current?.focus());
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{t('programme.cohort.summary')}</h2>
        {canEdit && !editing ? (
          <button
            ref={editButton}
            type="button"
            className="button button-secondary"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t('programme.cohort.edit')}
          </button>
        ) : null}
      </div>
      <dl className="programme-facts programme-facts-wide">
        <dt>{t('programme.cohorts.dates')}</dt>
        <dd>{formatDayRange(cohort.startDate, cohort.endDate)}</dd>
        <dt>{t('programme.cohorts.rhythm')}</dt>
        <dd>
          {formatWeekdays(cohort.weekdays)} {formatTimeRange(cohort.startTime, cohort.endTime)}
        </dd>
        <dt>{t('programme.cohorts.place')}</dt>
        <dd>{cohort.place ?? t('programme.none')}</dd>
        <dt>{t('programme.cohort.staff')}</dt>
        <dd>{cohort.staff.length > 0 ? cohort.staff.map((s) => s.displayName).join(', ') : t('programme.none')}</dd>
        <dt>{t('programme.cohort.sessionCount')}</dt>
        <dd>
          {cohort.cancelledSessions > 0
            ? t('programme.cohort.sessionFigures', { count: cohort.sessions, cancelled: cohort.cancelledSessions })
            : t('programme.sessions.weekCount', { count: cohort.sessions })}
        </dd>
      </dl>
      <StatusMessage tone="success">{notice}</StatusMessage>
      {editing ? <CohortEditForm cohort={cohort} onDone={close} /> : null}
    </section>
  );
}
