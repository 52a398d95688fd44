import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WeekSession } from '@shared/sessions';
import { mondayOf, dayOf, addDays } from '@shared/days';
import { QueryState } from '../../components/QueryState';
import { formatTimeRange } from './format';
import { calendarWeekLabel, dayHeading, programmeWeekLabel, shownDays, weekDates } from './weeks';
import { programmeWeekOf } from '@shared/programme-calendar';
import { weekQuery } from './queries';
import './week.css';

export interface WeekPanelProps {
  onOpenCohort: (cohortId: string) => void;
}

function WeekItem({ item, onOpen }: { item: WeekSession; onOpen: () => void }) {
  const { t } = useTranslation();
  const cancelled = item.state === 'cancelled';
  return (
    <li className={cancelled ? 'week-session week-session-cancelled' : 'week-session'}>
      <button type="button" className="week-session-button" onClick={onOpen}>
        <span className="week-session-time">{formatTimeRange(item.startTime, item.endTime)}</span>
        <span className="week-session-cohort">{item.cohortName}</span>
        <span className="week-session-programme-week">
          {programmeWeekLabel(t, programmeWeekOf({ startDate: item.cohortStartDate, endDate: item.cohortEndDate }, item.date))}
        </span>
        <span>{item.topic ? t(`programme.topics.${item.topic}`) : t('programme.sessions.noTopic')}</span>
        {item.place ? <span className="week-session-place">{item.place}</span> : null}
        {cancelled ? <span className="week-session-tag">{t('week.cancelled')}</span> : null}
      </button>
    </li>
  );
}

/**
 * The programme's week across cohorts: a list of sessions for each day, Monday to Friday (Saturday and Sunday
 * only when a session falls on them). A session opens its cohort.
 */
export function WeekPanel({ onOpenCohort }: WeekPanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [weekStart, setWeekStart] = useState(() => mondayOf(dayOf(new Date())));
  const query = useQuery(weekQuery(weekStart));
  const shown = query.data ?? null;
  const byDay = useMemo(() => {
    const map = new Map<string, WeekSession[]>();
    for (const item of shown?.sessions ?? []) map.set(item.date, [...(map.get(item.date) ?? []), item]);
    return map;
  }, [shown]);
  const title = { week: calendarWeekLabel(t, weekStart), dates: weekDates(i18n.language, weekStart) };
  const today = dayOf(new Date());
  const thisWeek = mondayOf(today);

  return (
    <section className="week-panel" aria-labelledby={headingId}>
      <div className="week-panel-header">
        <h2 id={headingId}>{t('week.heading', title)}</h2>
        <div className="week-panel-nav" role="group" aria-label={t('week.navigation')}>
          <button type="button" className="button button-secondary" onClick={() => setWeekStart(addDays(weekStart, -7))}>
            {t('week.previous')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={weekStart === thisWeek || undefined}
            onClick={() => setWeekStart(thisWeek)}
          >
            {t('week.thisWeek')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setWeekStart(addDays(weekStart, 7))}>
            {t('week.next')}
          </button>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {shown ? t('week.showing', { ...title, count: shown.sessions.length }) : null}
      </p>
      <QueryState query={query} loading={t('week.loading')}>
        {() => (
          <div className="week-days">
            {shownDays(weekStart, new Set(byDay.keys())).map((day) => {
              const items = byDay.get(day) ?? [];
              const dayId = `${headingId}-${day}`;
              return (
                <section key={day} className={day === today ? 'week-day week-day-today' : 'week-day'} aria-labelledby={dayId}>
                  <h3 id={dayId} aria-current={day === today ? 'date' : undefined}>
                    {dayHeading(i18n.language, day)}
                    {day === today ? <span className="week-day-today-tag"> · {t('week.today')}</span> : null}
                  </h3>
                  {items.length === 0 ? (
                    <p className="week-day-empty">{t('week.none')}</p>
                  ) : (
                    <ul className="week-sessions">
                      {items.map((item) => (
                        <WeekItem key={item.id} item={item} onOpen={() => onOpenCohort(item.cohortId)} />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
    </section>
  );
}
