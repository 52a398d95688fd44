import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CohortDetail } from '@shared/cohorts';
import type { Session } from '@shared/sessions';
import { StatusMessage } from '../../components/ErrorMessage';
import { AddSessionForm } from './AddSessionForm';
import { SchedulePrintButton } from './SchedulePrintButton';
import { SessionItem } from './SessionItem';
import { formatDayRange } from '../../i18n/format';
import { groupByWeek } from './weeks';
import { addDays } from '@shared/days';

interface SessionListProps {
  cohort: CohortDetail;
  sessions: readonly Session[];
  /** Whether the reader may change sessions (sessions.write). */
  canEdit: boolean;
}

/** The cohort's calendar week by week; each session can be changed, cancelled or restored, and extras added. */
export function SessionList({ cohort, sessions, canEdit }: SessionListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const weeks = groupByWeek(sessions, cohort.startDate);

  // The change itself refreshed the calendar (mutations.ts); only the sentence is said here.
  const changed = setNotice;

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{t('programme.sessions.title')}</h2>
        {canEdit && !adding ? (
          <button
            ref={addButton}
            type="button"
            className="button button-secondary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('programme.sessions.add')}
          </button>
        ) : null}
      </div>
      <StatusMessage tone="success">{notice}</StatusMessage>
      {adding ? (
        <AddSessionForm
          cohort={cohort}
          onDone={(added) => {
            setAdding(false);
            if (added) changed(t('programme.sessions.added'));
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : null}
      {weeks.length === 0 ? <p className="detail-empty">{t('programme.sessions.none')}</p> : null}
      {weeks.map((week) => (
        <section key={week.weekStart} className="programme-week" aria-labelledby={`${headingId}-${week.weekStart}`}>
          <div className="card-header">
            <h3 id={`${headingId}-${week.weekStart}`}>
              {t('programme.sessions.week', {
                number: week.number,
                dates: formatDayRange(week.weekStart, addDays(week.weekStart, 6)),
              })}
            </h3>
            <SchedulePrintButton cohortId={cohort.id} weekStart={week.weekStart} />
          </div>
          <ol className="programme-sessions">
            {week.sessions.map((session) => (
              <SessionItem key={session.id} cohort={cohort} session={session} canEdit={canEdit} onChanged={changed} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
