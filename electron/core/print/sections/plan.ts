import type { PlanGoal, PlanStep } from '@shared/plans';
import { findPlan } from '../../plans/repo';
import type { Html } from '../html';
import { facts, staffName, type PrintSection, type SectionContext } from './section';

function stepLine(context: SectionContext, step: PlanStep): Html {
  const { html, text } = context;
  const parts = [
    text.t(`plans.stepOwners.${step.owner}`),
    step.due && text.day(step.due),
    text.t(`plans.stepStatuses.${step.status}`),
    step.droppedReason,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return html`<li>${step.what} <span class="muted">(${parts.join(' · ')})</span></li>`;
}

function goalBlock(context: SectionContext, goal: PlanGoal): Html {
  const { html, text } = context;
  const l = (key: string) => text.t(`print.plan.${key}`);
  return html`<div class="entry">
    <h3>${text.t(`plans.goalKinds.${goal.kind}`)}: ${goal.target}</h3>
    ${facts(context, [
      [l('targetDate'), goal.targetDate && text.day(goal.targetDate)],
      [l('why'), goal.why],
    ])}
    ${goal.steps.length === 0
      ? html`<p class="muted">${l('noSteps')}</p>`
      : html`<ul>
          ${goal.steps.map((step) => stepLine(context, step))}
        </ul>`}
  </div>`;
}

/**
 * The career and study plan in force: each goal with its target date and why it matters, and its steps with who,
 * by when and where they stand (a dropped step with its reason: the case summary is internal). Ends with signature
 * lines, so that the printout can be signed as the agreed plan.
 */
export const planSection: PrintSection = {
  id: 'plan',
  permission: 'plans.read',
  signatures: true,
  dated: false,
  render(context) {
    const { html, text, db, participant } = context;
    const plan = findPlan(db, participant.id);
    if (!plan || plan.goals.length === 0) return html`<p class="muted">${text.t('print.plan.none')}</p>`;
    const saved = text.t('print.plan.version', {
      version: plan.version,
      date: text.day(plan.savedAt),
      name: staffName(context, plan.savedByName),
    });
    return html`<p class="muted">${saved}</p>
      ${plan.goals.map((goal) => goalBlock(context, goal))}`;
  },
};
