/**
 * The career and study plan printed for the participant, in plain words and short sentences, addressed to them:
 * each goal (what kind, the target, by when, why it matters in their words) and its steps (what, who, by when,
 * where it stands), our contact details, and lines for their and the caseworker's signature. No internal notes (a
 * dropped step's reason stays in the file), no codes, no pseudonym: the names of kinds and statuses are the
 * interface's own (plans.goalKinds, plans.stepStatuses), and who takes a step is said to the reader ("You").
 */
import { dayOf } from '@shared/days';
import { AppError } from '@shared/errors';
import type { PlanPrintRequest } from '@shared/plans';
import type { PlanGoal, PlanStep } from '@shared/plans';
import type { SessionInfo } from '@shared/vault';
import type { Db } from '../db/open';
import { projectParticipant } from '../participants/projection';
import { findListedParticipant } from '../participants/repo';
import { findPlan } from '../plans/repo';
import { findReferral } from '../referrals/repo';
import { readSettings } from '../settings/repo';
import { html, type Html } from './html';
import { printText, type PrintText } from './labels';
import { pageMarginStyle } from './page-margins';
import { printDocument, signatureLines, type DocumentMode } from './template';

/** Who takes a step, said to the participant; a partner step names the partner of its referral when it has one. */
function who(db: Db, text: PrintText, step: PlanStep, participantId: string, today: string): string {
  if (step.owner === 'participant') return text.t('planPrint.who.you');
  if (step.owner === 'caseworker') return text.t('planPrint.who.yourCaseworker');
  const referral = step.referralId ? findReferral(db, step.referralId, today) : null;
  return referral && referral.participantId === participantId ? referral.partnerName : text.t('plans.stepOwners.partner');
}

function goalBlock(db: Db, text: PrintText, goal: PlanGoal, index: number, participantId: string, today: string): Html {
  const p = (key: string, values?: Record<string, string | number>) => text.t(`planPrint.${key}`, values);
  return html`<section class="print-section plan-goal">
    <h2>${p('goalHeading', { number: index + 1, kind: text.t(`plans.goalKinds.${goal.kind}`) })}</h2>
    <p class="plan-target">${goal.target}</p>
    <p>${goal.targetDate ? p('targetDate', { date: text.shortDay(goal.targetDate) }) : p('noTargetDate')}</p>
    ${goal.why
      ? html`<h3>${p('why')}</h3>
          <p class="text">${goal.why}</p>`
      : null}
    <h3>${p('steps')}</h3>
    ${goal.steps.length === 0
      ? html`<p class="muted">${p('noSteps')}</p>`
      : html`<table>
          <thead>
            <tr>
              <th>${p('columns.what')}</th>
              <th class="col-by">${p('columns.who')}</th>
              <th class="col-when">${p('columns.due')}</th>
              <th class="col-when">${p('columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${goal.steps.map(
              (step) =>
                html`<tr>
                  <td>${step.what}</td>
                  <td class="col-by">${who(db, text, step, participantId, today)}</td>
                  <td class="col-when">${step.due ? text.shortDay(step.due) : p('noDue')}</td>
                  <td class="col-when">${text.t(`plans.stepStatuses.${step.status}`)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`}
  </section>`;
}

/** Builds the printed plan of one participant in the requested language; a file without a plan prints as such. */
export function buildPlanPrint(
  db: Db,
  session: SessionInfo,
  request: PlanPrintRequest,
  options: { now: Date; mode: DocumentMode },
): { html: string; version: number | null } {
  const listed = findListedParticipant(db, request.participantId);
  if (!listed) throw new AppError('not_found');
  const view = projectParticipant(session.role, listed);
  if (view.view !== 'full') throw new AppError('forbidden');
  const participant = view.participant;
  const plan = findPlan(db, participant.id);
  const text = printText(request.locale);
  const today = dayOf(options.now);
  const settings = readSettings(db);
  const p = (key: string, values?: Record<string, string>) => text.t(`planPrint.${key}`, values);
  const name = [participant.firstName, participant.lastName].filter(Boolean).join(' ');
  const printedOn = p('printedOn', { date: text.shortDay(today) });
  const contact = [
    settings.organisationName,
    settings.organisationPhone ? p('phone', { phone: settings.organisationPhone }) : null,
    participant.responsibleCaseworkerName ? p('caseworker', { name: participant.responsibleCaseworkerName }) : null,
  ].filter((line): line is string => line !== null);
  const goals = plan?.goals ?? [];
  const body = html`<header class="doc-header">
      <p class="doc-confidential">${text.t('print.confidential')}</p>
      <h1>${text.t('plans.name')}</h1>
      ${name ? html`<p class="doc-subject">${name}</p>` : null}
      <p class="doc-meta">
        ${plan ? p('updated', { date: text.shortDay(plan.savedAt) }) : null}${plan ? ' · ' : null}${printedOn}
      </p>
    </header>
    <p>${p(goals.length > 0 ? 'intro' : 'noGoals')}</p>
    ${goals.map((goal, index) => goalBlock(db, text, goal, index, participant.id, today))}
    <section class="print-section">
      <h2>${p('contactHeading')}</h2>
      ${contact.length > 0 ? contact.map((line) => html`<p>${line}</p>`) : html`<p class="muted">${p('noContact')}</p>`}
    </section>
    <section class="print-section plan-sign">
      <h2>${p('signHeading')}</h2>
      <p>${p('signIntro')}</p>
      ${signatureLines(html, text)}
    </section>`;
  const margins = options.mode === 'print' ? pageMarginStyle(text, { topRight: null, bottomLeft: printedOn }) : null;
  return {
    html: printDocument({ locale: text.locale, title: text.t('plans.name'), body, margins }),
    version: plan?.version ?? null,
  };
}

/** The audit detail of a printed plan: the version printed ("none" without a plan) and the language; never content. */
export function planPrintAuditDetail(request: PlanPrintRequest, version: number | null): string {
  return `version:${version ?? 'none'};locale:${request.locale}`;
}
