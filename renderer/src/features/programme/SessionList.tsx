import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CohortDetail } from '@shared/cohorts';
import { today } from '@shared/days';
import type { Session } from '@shared/sessions';
import { StatusMessage } from '../../components/ErrorMessage';
import { AddSessionForm } from './AddSessionForm';
import { SessionWeekFold } from './SessionWeekFold';
import { groupByWeek, openWeekOf } from './weeks';

interface SessionListProps {
  cohort: CohortDetail;
  sessions: readonly Session[];
  /** Whether the reader may change sessions (sessions.write). */
  canEdit: boolean;
}

/**
 * The cohort's calendar by programme week, each week folded under its heading ("Viikko 3 / 10 · dates · counts")
 * with the current week (or the first one to come) open, so that ten weeks fit on a laptop screen. A week's
 * sessions and their actions are on the page only while the week is open.
 */
export function SessionList({ cohort, sessions, canEdit }: SessionListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const weeks = groupByWeek(sessions, cohort);
  // Chosen once when the page opens: a change that refreshes the list does not fold the week the user works in.
  const [initiallyOpen] = useState(() => openWeekOf(weeks, today()));

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
        <SessionWeekFold
          key={week.week.monday}
          cohort={cohort}
          week={week}
          weeks={weeks}
          canEdit={canEdit}
          initiallyOpen={week.week.monday === initiallyOpen}
          onChanged={changed}
        />
      ))}
    </section>
  );
}
