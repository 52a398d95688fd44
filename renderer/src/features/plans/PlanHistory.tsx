import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Plan } from '@shared/plans';
import type { Referral } from '@shared/referrals';
import { DateField } from '../../components/DateField';
import { QueryState } from '../../components/QueryState';
import { useEscape } from '../../components/useEscape';
import { formatDay, formatNumber, formatWhen } from '../../i18n/format';
import { isIsoDay } from '@shared/days';
import { planVersionQuery, planVersionsQuery } from './queries';
import { PlanView } from './PlanView';

interface PlanHistoryProps {
  participantId: string;
  referrals: readonly Referral[] | null;
  onClose: () => void;
}

/**
 * The plan's history: every version, the one in force first, with who saved it, when and how big it was; one of
 * them shown read only; and the plan as it was in force at the end of a chosen day.
 */
export function PlanHistory({ participantId, referrals, onClose }: PlanHistoryProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLElement>(null);
  const versions = useQuery(planVersionsQuery(participantId));
  const [shown, setShown] = useState<number | null>(null);
  const [dayText, setDayText] = useState('');
  const [day, setDay] = useState<string | null>(null);
  useEscape(root, onClose);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);

  function showAt(event: FormEvent) {
    event.preventDefault();
    if (isIsoDay(dayText)) setDay(dayText);
  }

  const unknown = t('plans.tab.unknownAuthor');
  return (
    <section ref={root} className="card plan-history" aria-labelledby="plan-history-title">
      <h2 id="plan-history-title" tabIndex={-1}>
        {t('plans.history.title')}
      </h2>
      <QueryState query={versions} loading={t('plans.history.loading')}>
        {({ versions: lines }) => (
          <ol className="plan-version-list">
            {lines.map((line, index) => (
              <li key={line.version}>
                <strong>
                  {index === 0
                    ? t('plans.history.current', { number: line.version })
                    : t('plans.history.version', { number: line.version })}
                </strong>{' '}
                <span className="plan-detail">
                  {t('plans.history.savedBy', { name: line.savedByName ?? unknown, when: formatWhen(line.savedAt) })}
                  {' · '}
                  {t('plans.history.counts', { goals: formatNumber(line.goals), steps: formatNumber(line.steps) })}
                </span>{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('plans.history.showOf', { number: line.version })}
                  aria-pressed={shown === line.version}
                  onClick={() => setShown(line.version)}
                >
                  {t('plans.history.show')}
                </button>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
      {shown !== null ? (
        <VersionShown
          participantId={participantId}
          which={{ version: shown }}
          referrals={referrals}
          heading={(plan) =>
            t('plans.history.shown', {
              number: plan.version,
              name: plan.savedByName ?? unknown,
              when: formatWhen(plan.savedAt),
            })
          }
          none={null}
        />
      ) : null}
      <form className="plan-at" onSubmit={showAt} noValidate>
        <DateField
          label={t('plans.history.atDate')}
          hint={t('plans.history.atDateHint')}
          years="past"
          value={dayText}
          onChange={setDayText}
        />
        <button type="submit" className="button button-secondary">
          {t('plans.history.showAt')}
        </button>
      </form>
      {day !== null ? (
        <VersionShown
          participantId={participantId}
          which={{ at: day }}
          referrals={referrals}
          heading={(plan) =>
            t('plans.history.at', {
              day: formatDay(day),
              number: plan.version,
              name: plan.savedByName ?? unknown,
              when: formatWhen(plan.savedAt),
            })
          }
          none={t('plans.history.noneAt', { day: formatDay(day) })}
        />
      ) : null}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('plans.history.close')}
        </button>
      </div>
    </section>
  );
}

/** One version of the plan, read only, under its heading; `none` when there was no plan then. */
function VersionShown({
  participantId,
  which,
  referrals,
  heading,
  none,
}: {
  participantId: string;
  which: { version: number } | { at: string };
  referrals: readonly Referral[] | null;
  heading: (plan: Plan) => string;
  none: string | null;
}) {
  const { t } = useTranslation();
  const query = useQuery(planVersionQuery(participantId, which));
  return (
    <div className="plan-version-shown">
      <QueryState query={query}>
        {({ plan }) =>
          plan ? (
            <>
              <h3>{heading(plan)}</h3>
              <p className="field-hint">{t('plans.history.readOnly')}</p>
              <PlanView goals={plan.goals} referrals={referrals} today={null} level={4} />
            </>
          ) : (
            <p>{none}</p>
          )
        }
      </QueryState>
    </div>
  );
}
