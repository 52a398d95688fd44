import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CohortDetail } from '@shared/cohorts';
import { SESSION_TOPICS, type SessionTopic } from '@shared/sessions';
import { planWeekTopics } from '@shared/week-topics';
import { CheckboxField } from '../../components/CheckboxField';
import { FormActions } from '../../components/FormActions';
import { SelectField } from '../../components/SelectField';
import { useChannelForm } from '../../components/useChannelForm';
import { formatSessionDay, formatTimeRange } from './format';
import { SESSION_CHANGES } from './mutations';
import { inSentence, programmeWeekLabel, type SessionWeek } from './weeks';

interface WeekTopicsFormProps {
  cohort: CohortDetail;
  week: SessionWeek;
  weeks: readonly SessionWeek[];
  weekLabel: string;
  /** Called with the sentence to announce after saving, or null when cancelled. */
  onDone: (message: string | null) => void;
}

const isTopic = (value: string): value is SessionTopic => (SESSION_TOPICS as readonly string[]).includes(value);

/**
 * A week's topics in one form (the weekly template), and "copy to the following weeks": each chosen week gets
 * the topic of the same weekday's session. Cancelled sessions are not changed; topics already chosen in the
 * following weeks are replaced only when the user ticks the box that says how many.
 */
export function WeekTopicsForm({ cohort, week, weeks, weekLabel, onDone }: WeekTopicsFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [topics, setTopics] = useState<Record<string, SessionTopic | null>>(() =>
    Object.fromEntries(week.sessions.filter((s) => s.state !== 'cancelled').map((s) => [s.id, s.topic])),
  );
  const following = weeks.filter((w) => w.week.monday > week.week.monday && w.week.inPeriod);
  const [copyTo, setCopyTo] = useState<ReadonlySet<string>>(new Set());
  const [overwrite, setOverwrite] = useState(false);
  const { formRef, failure, busy, submit: send } = useChannelForm({ onCancel: () => onDone(null), invalidates: SESSION_CHANGES });

  useEffect(() => heading.current?.focus(), []);

  const sessions = weeks.flatMap((w) => w.sessions);
  const changes = Object.entries(topics).map(([id, topic]) => ({ id, topic }));
  // What ticking "replace" would replace: counted with the same plan the main side applies.
  const replaceable = planWeekTopics(sessions, week.week.monday, changes, [...copyTo], true).replaced;

  function toggleWeek(monday: string, on: boolean) {
    const next = new Set(copyTo);
    if (on) next.add(monday);
    else next.delete(monday);
    setCopyTo(next);
  }

  const submit = (event: FormEvent) =>
    send(
      event,
      'sessions.planWeekTopics',
      {
        cohortId: cohort.id,
        weekStart: week.week.monday,
        topics: changes,
        copyTo: [...copyTo].sort(),
        overwrite: overwrite && replaceable > 0,
      },
      ({ changed, kept }) =>
        onDone(
          [t('programme.plan.done', { count: changed }), kept > 0 ? t('programme.plan.kept', { count: kept }) : null]
            .filter(Boolean)
            .join(' '),
        ),
    );

  const topicOptions = [
    { value: '', label: t('programme.sessions.noTopic') },
    ...SESSION_TOPICS.map((topic) => ({ value: topic, label: t(`programme.topics.${topic}`) })),
  ];
  const allChosen = following.length > 0 && following.every((w) => copyTo.has(w.week.monday));

  return (
    <form
      ref={formRef}
      className="programme-inline-form"
      onSubmit={submit}
      noValidate
      aria-busy={busy}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {t('programme.plan.title', { week: inSentence(weekLabel) })}
      </h4>
      <p className="field-hint">{t('programme.plan.lead')}</p>
      <div className="programme-fields">
        {week.sessions.map((session) =>
          session.state === 'cancelled' ? (
            <p key={session.id} className="programme-session-more">
              {formatSessionDay(session.date)} {formatTimeRange(session.startTime, session.endTime)} ·{' '}
              {t('programme.sessions.cancelledBecause', { reason: session.cancelReason ?? '' })}
            </p>
          ) : (
            <SelectField
              key={session.id}
              label={`${formatSessionDay(session.date)} ${formatTimeRange(session.startTime, session.endTime)}`}
              value={topics[session.id] ?? ''}
              options={topicOptions}
              onChange={(event) => {
                const value = event.target.value;
                setTopics({ ...topics, [session.id]: isTopic(value) ? value : null });
              }}
            />
          ),
        )}
      </div>
      <fieldset className="programme-choices">
        <legend>{t('programme.plan.copyTo')}</legend>
        {following.length === 0 ? (
          <p className="field-hint">{t('programme.plan.copyNone')}</p>
        ) : (
          <>
            <CheckboxField
              label={t('programme.plan.copyAll')}
              checked={allChosen}
              onChange={(event) => setCopyTo(event.target.checked ? new Set(following.map((w) => w.week.monday)) : new Set())}
            />
            <div className="programme-choice-grid">
              {following.map((w) => (
                <CheckboxField
                  key={w.week.monday}
                  label={programmeWeekLabel(t, w.week)}
                  checked={copyTo.has(w.week.monday)}
                  onChange={(event) => toggleWeek(w.week.monday, event.target.checked)}
                />
              ))}
            </div>
          </>
        )}
      </fieldset>
      {replaceable > 0 ? (
        <CheckboxField
          label={t('programme.plan.overwrite', { count: replaceable })}
          hint={t('programme.plan.overwriteHint')}
          checked={overwrite}
          onChange={(event) => setOverwrite(event.target.checked)}
        />
      ) : null}
      <FormActions submitLabel={t('programme.plan.submit')} busy={busy} failure={failure} onCancel={() => onDone(null)} />
    </form>
  );
}
