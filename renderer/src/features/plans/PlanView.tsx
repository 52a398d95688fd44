import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanGoal, PlanStep } from '@shared/plans';
import type { Referral } from '@shared/referrals';
import { formatDay } from '../../i18n/format';
import { isOverdue } from './planDraft';

/** A referral as a step names it: the partner and the service. */
export function useReferralLabel(): (referral: Pick<Referral, 'partnerName' | 'serviceType'>) => string {
  const { t } = useTranslation();
  return (referral) => `${referral.partnerName} – ${t(`referrals.serviceTypes.${referral.serviceType}`)}`;
}

interface PlanViewProps {
  goals: readonly PlanGoal[];
  /** The participant's referrals, to name the ones steps point to; null when they cannot be read. */
  referrals: readonly Referral[] | null;
  /** Today, for marking open steps whose day has passed (only for the plan in force). */
  today: string | null;
  /** The heading level of each goal: 3 in the tab, 4 inside a version of the history. */
  level: 3 | 4;
  /** Buttons for one step (the quick actions on the plan in force). */
  stepActions?: (step: PlanStep) => ReactNode;
}

/** A plan's goals, each with its kind, target, target date and why, and its steps under it; read only. */
export function PlanView({ goals, referrals, today, level, stepActions }: PlanViewProps) {
  const { t } = useTranslation();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <ol className="plan-goals">
      {goals.map((goal) => (
        <li key={goal.id} className="plan-goal">
          <p className="plan-goal-kind">{t(`plans.goalKinds.${goal.kind}`)}</p>
          <Heading className="plan-goal-target">{goal.target}</Heading>
          <p className="plan-detail">
            {goal.targetDate ? t('plans.tab.targetDate', { day: formatDay(goal.targetDate) }) : t('plans.tab.noTargetDate')}
          </p>
          {goal.why ? (
            <div className="plan-why">
              <p className="plan-label">{t('plans.tab.why')}</p>
              <p className="plan-why-text">{goal.why}</p>
            </div>
          ) : null}
          {goal.steps.length === 0 ? (
            <p className="plan-detail">{t('plans.tab.noSteps')}</p>
          ) : (
            <ol className="plan-steps" aria-label={t('plans.tab.steps')}>
              {goal.steps.map((step) => (
                <StepLine key={step.id} step={step} referrals={referrals} today={today} actions={stepActions?.(step)} />
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}

function StepLine({
  step,
  referrals,
  today,
  actions,
}: {
  step: PlanStep;
  referrals: readonly Referral[] | null;
  today: string | null;
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const referralLabel = useReferralLabel();
  const overdue = today !== null && isOverdue(step, today);
  const referral = step.referralId ? referrals?.find((r) => r.id === step.referralId) : undefined;
  return (
    <li className={`plan-step plan-step-${step.status}${overdue ? ' plan-step-overdue' : ''}`}>
      <p className="plan-step-head">
        <span className="plan-step-what">{step.what}</span>{' '}
        <span className={`plan-tag plan-tag-${step.status}`}>{t(`plans.stepStatuses.${step.status}`)}</span>
        {overdue ? <span className="plan-tag plan-tag-overdue">{t('todayPage.followUps.overdue')}</span> : null}
      </p>
      <p className="plan-detail">
        {t('plans.tab.who', { owner: t(`plans.stepOwners.${step.owner}`) })}
        {' · '}
        {step.due ? t('plans.tab.due', { day: formatDay(step.due) }) : t('plans.tab.noDue')}
      </p>
      {step.status === 'dropped' && step.droppedReason ? (
        <p className="plan-detail">{t('plans.tab.droppedReason', { reason: step.droppedReason })}</p>
      ) : null}
      {step.referralId ? (
        <p className="plan-detail plan-referral">
          {t('plans.tab.referral', { referral: referral ? referralLabel(referral) : t('plans.tab.referralUnknown') })}
        </p>
      ) : null}
      {actions}
    </li>
  );
}
