import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CohortDetail } from '@shared/cohorts';
import { addDays, today } from '@shared/days';
import { FoldToggle } from './FoldToggle';
import { formatDayRange } from '../../i18n/format';
import { SchedulePrintButton } from './SchedulePrintButton';
import { SessionItem } from './SessionItem';
import { WeekTopicsForm } from './WeekTopicsForm';
import { inSentence, programmeWeekLabel, weekLastDay, type SessionWeek } from './weeks';

interface SessionWeekFoldProps {
  cohort: CohortDetail;
  week: SessionWeek;
  /** All the cohort's weeks: the topics of this one can be copied to the following ones. */
  weeks: readonly SessionWeek[];
  canEdit: boolean;
  initiallyOpen: boolean;
  onChanged: (message: string) => void;
}

/**
 * One programme week of the cohort's calendar: a heading with a disclosure button that names the week, its dates
 * and its counts, and when open the week's sessions, its topic planning and its week schedule print.
 */
export function SessionWeekFold({ cohort, week, weeks, canEdit, initiallyOpen, onChanged }: SessionWeekFoldProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const headingId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const [planning, setPlanning] = useState(false);
  const { monday } = week.week;
  const label = programmeWeekLabel(t, week.week);
  // Monday to Friday, or to Sunday when a session falls on the weekend, as the attendance panel writes the same week.
  const lastDay = weekLastDay(
    monday,
    week.sessions.map((s) => s.date),
  );
  const cancelled = week.sessions.filter((s) => s.state === 'cancelled').length;
  const withoutTopic = week.sessions.filter((s) => s.state !== 'cancelled' && s.topic === null).length;
  const counts = [
    t('programme.sessions.weekCount', { count: week.sessions.length }),
    withoutTopic > 0 ? t('programme.sessions.weekOpenTopics', { count: withoutTopic }) : null,
    cancelled > 0 ? t('programme.sessions.weekCancelled', { count: cancelled }) : null,
  ].filter((part): part is string => part !== null);
  const day = today();
  const isCurrent = monday <= day && day <= addDays(monday, 6);

  return (
    <section className={isCurrent ? 'programme-week programme-week-current' : 'programme-week'} aria-labelledby={headingId}>
      <h3 id={headingId} className="programme-week-heading">
        <FoldToggle
          open={open}
          onToggle={setOpen}
          controls={bodyId}
          title={t('programme.sessions.week', { week: label, dates: formatDayRange(monday, lastDay) })}
          counts={counts.join(' · ')}
          tag={isCurrent ? t('programme.sessions.current') : null}
        />
      </h3>
      <div id={bodyId} hidden={!open}>
        {open ? (
          <>
            <div className="actions programme-week-actions">
              {canEdit && !planning ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('programme.plan.openFor', { week: inSentence(label) })}
                  onClick={() => setPlanning(true)}
                >
                  {t('programme.plan.open')}
                </button>
              ) : null}
              <SchedulePrintButton cohortId={cohort.id} weekStart={monday} weekLabel={label} />
            </div>
            {planning ? (
              <WeekTopicsForm
                cohort={cohort}
                week={week}
                weeks={weeks}
                weekLabel={label}
                onDone={(message) => {
                  setPlanning(false);
                  if (message) onChanged(message);
                }}
              />
            ) : null}
            <ol className="programme-sessions">
              {week.sessions.map((session) => (
                <SessionItem key={session.id} cohort={cohort} session={session} canEdit={canEdit} onChanged={onChanged} />
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </section>
  );
}
