import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CohortDetail } from '@shared/cohorts';
import type { Session } from '@shared/sessions';
import { usePendingFocus } from '../../components/usePendingFocus';
import { SessionVisit } from '../partners/SessionVisit';
import { CancelSessionForm } from './CancelSessionForm';
import { RestoreSessionButton } from './RestoreSessionButton';
import { SessionEditor } from './SessionEditor';
import { formatSessionDay, formatTimeRange } from './format';

interface SessionItemProps {
  cohort: CohortDetail;
  session: Session;
  canEdit: boolean;
  /** Called with the sentence to announce after a change was saved. */
  onChanged: (message: string) => void;
}

/** One session: day, time, topic, facilitator, place and state, with its edit, cancel and restore actions. */
export function SessionItem({ cohort, session, canEdit, onChanged }: SessionItemProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<'edit' | 'cancel' | null>(null);
  const root = useRef<HTMLLIElement>(null);
  // After a change the list is fetched again; focus returns to the session's next action once it is there.
  const focusLater = usePendingFocus(root);
  const cancelled = session.state === 'cancelled';
  const day = formatSessionDay(session.date);

  function close(message: string | null, focusKey: 'edit' | 'restore') {
    setForm(null);
    focusLater(focusKey);
    if (message) onChanged(message);
  }

  return (
    <li ref={root} className={cancelled ? 'programme-session programme-session-cancelled' : 'programme-session'}>
      <div className="programme-session-head">
        <div className="programme-session-line">
          <strong>{day}</strong>
          <span>{formatTimeRange(session.startTime, session.endTime)}</span>
          <span>{session.topic ? t(`programme.topics.${session.topic}`) : t('programme.sessions.noTopic')}</span>
          <span>
            {t('programme.sessions.facilitatorIs', { name: session.facilitatorName ?? t('programme.sessions.noFacilitator') })}
          </span>
          <span>{t('programme.sessions.placeIs', { place: session.place ?? cohort.place ?? t('programme.none') })}</span>
          {session.extra ? <span className="programme-tag">{t('programme.sessions.extra')}</span> : null}
          {cancelled ? (
            <span className="programme-tag programme-tag-cancelled">
              {t('programme.sessions.cancelledBecause', { reason: session.cancelReason ?? '' })}
            </span>
          ) : null}
        </div>
        {canEdit && form === null ? (
          <div className="actions">
            {cancelled ? (
              <RestoreSessionButton
                session={session}
                day={day}
                onRestored={() => {
                  focusLater('edit');
                  onChanged(t('programme.sessions.restored'));
                }}
              />
            ) : (
              <>
                <button
                  type="button"
                  data-focus-key="edit"
                  className="button button-secondary button-small"
                  aria-label={t('programme.sessions.editOne', { day })}
                  onClick={() => setForm('edit')}
                >
                  {t('programme.sessions.edit')}
                </button>
                <button
                  type="button"
                  className="button button-danger-quiet button-small"
                  aria-label={t('programme.sessions.cancelOne', { day })}
                  onClick={() => setForm('cancel')}
                >
                  {t('programme.sessions.cancel')}
                </button>
              </>
            )}
          </div>
        ) : null}
      </div>
      {session.guest || session.partnerName ? (
        <p className="programme-session-more">{[session.guest, session.partnerName].filter(Boolean).join(' · ')}</p>
      ) : null}
      {session.notes ? <p className="programme-session-more">{session.notes}</p> : null}
      {form === 'edit' ? (
        <SessionEditor
          cohort={cohort}
          session={session}
          onDone={(saved) => close(saved ? t('programme.sessions.saved') : null, 'edit')}
        />
      ) : null}
      {form === 'cancel' ? (
        <CancelSessionForm
          session={session}
          onDone={(done) => close(done ? t('programme.sessions.cancelled') : null, done ? 'restore' : 'edit')}
        />
      ) : null}
      {!cancelled && (session.topic === 'companyVisit' || session.topic === 'schoolVisit') ? (
        <SessionVisit session={session} onChanged={() => onChanged(t('programme.sessions.visitSaved'))} />
      ) : null}
    </li>
  );
}
