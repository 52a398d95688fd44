import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { today } from '@shared/days';
import type { Failure } from '@shared/errors';
import type { Plan, PlanStep, StepStatus } from '@shared/plans';
import { invoke } from '../../api/client';
import { invalidateChannels } from '../../api/query';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import { StatusMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { QueryFailure, QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { usePendingFocus } from '../../components/usePendingFocus';
import { formatWhen } from '../../i18n/format';
import { translateKey } from '../../i18n/keys';
import { useCan } from '../../shell/session';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { PLAN_CHANGES } from './mutations';
import { PlanEditor } from './PlanEditor';
import { PlanHistory } from './PlanHistory';
import { draftFromPlan, errorKey, errorsByItem, isStale, withStepStatus, type ItemErrors } from './planDraft';
import { PlanPrintDialog } from '../print/PlanPrintDialog';
import { referralsQuery } from '../referrals/queries';
import { planQuery } from './queries';
import { PlanView } from './PlanView';
import './plans.css';

/**
 * The participant's career and study plan: the plan in force (goals and their steps, open steps past their day
 * marked), quick actions on a step, the editor for the whole plan, and its history. Readers who may not write plans
 * (psychologists) see the plan and its history only. Every save is of the whole plan, based on the version shown.
 */
export function PlanTab({ participantId, pseudonym }: { participantId: string; pseudonym: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const mayWrite = useCan('plans.write');
  const readsReferrals = useCan('referrals.read');
  const query = useQuery(planQuery(participantId));
  const stepReferrals = useQuery({ ...referralsQuery(participantId), enabled: readsReferrals });
  const referrals = stepReferrals.data?.referrals ?? null;
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const reload = () => invalidateChannels(client, ...PLAN_CHANGES);

  function startEditing() {
    setNotice(null);
    setFailure(null);
    setEditing(true);
  }

  function saved(plan: Plan, changed: boolean) {
    client.setQueryData(planQuery(participantId).queryKey, { plan });
    setEditing(false);
    setNotice(changed ? t('plans.tab.saved') : t('plans.tab.unchanged'));
    focusLater('edit');
    void reload();
  }

  function cancelled() {
    setEditing(false);
    focusLater('edit');
  }

  /** A step's quick action: the whole plan saved with that step's status changed. */
  async function setStatus(plan: Plan, step: PlanStep, status: StepStatus, reason = ''): Promise<ItemErrors | null> {
    setNotice(null);
    setFailure(null);
    const input = withStepStatus(plan, step.id, status, reason);
    const checked = validateInput('plans.save', input);
    if (!checked.ok) return errorsByItem(checked.errors, draftFromPlan(plan));
    const result = await invoke('plans.save', input);
    if (!result.ok) {
      setFailure(result);
      if (isStale(result)) void reload();
      return result.code === 'invalid_input'
        ? errorsByItem(fieldErrorsFromIssues(result.details?.issues), draftFromPlan(plan))
        : {};
    }
    client.setQueryData(planQuery(participantId).queryKey, { plan: result.value.plan });
    const message =
      status === 'done' ? 'plans.tab.stepDone' : status === 'dropped' ? 'plans.tab.stepDropped' : 'plans.tab.stepReopened';
    setNotice(t(message, { what: step.what }));
    focusLater(`step:${step.id}`);
    void reload();
    return null;
  }

  return (
    <div ref={root} className="plan-tab">
      <StatusMessage tone="success">{notice}</StatusMessage>
      {isStale(failure) ? (
        <div role="alert" className="notice notice-error">
          <p>{t('plans.errors.stale')}</p>
        </div>
      ) : (
        <ConsentAwareError failure={failure?.code === 'invalid_input' ? null : failure} participantId={participantId} />
      )}
      <QueryFailure query={stepReferrals} />
      <QueryState query={query}>
        {({ plan }) =>
          editing ? (
            <PlanEditor participantId={participantId} plan={plan} referrals={referrals} onSaved={saved} onCancel={cancelled} />
          ) : (
            <>
              <Section title={t('plans.name')} className="plan-card">
                {plan ? (
                  <p className="plan-detail">
                    {t('plans.tab.inForce', {
                      number: plan.version,
                      name: plan.savedByName ?? t('plans.tab.unknownAuthor'),
                      when: formatWhen(plan.savedAt),
                    })}
                  </p>
                ) : null}
                {/* The plan's tools: edit, history, and the plan printed for the participant. */}
                <div className="plan-toolbar" role="group" aria-label={t('plans.tab.toolbar')}>
                  {mayWrite ? (
                    <button type="button" className="button button-primary" data-focus-key="edit" onClick={startEditing}>
                      {plan ? t('plans.tab.edit') : t('plans.tab.make')}
                    </button>
                  ) : null}
                  {plan ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-expanded={history}
                      data-focus-key="history"
                      onClick={() => setHistory((open) => !open)}
                    >
                      {t('plans.tab.history')}
                    </button>
                  ) : null}
                  {plan ? (
                    <button type="button" className="button button-secondary" onClick={() => setPrinting(true)}>
                      {t('plans.printForParticipant.open')}
                    </button>
                  ) : null}
                </div>
                {printing ? (
                  <PlanPrintDialog participantId={participantId} pseudonym={pseudonym} onClose={() => setPrinting(false)} />
                ) : null}
                {plan ? (
                  <PlanView
                    goals={plan.goals}
                    referrals={referrals}
                    today={today()}
                    level={3}
                    stepActions={
                      mayWrite
                        ? (step) => <StepActions step={step} onStatus={(...a) => setStatus(plan, step, ...a)} />
                        : undefined
                    }
                  />
                ) : (
                  <p className="plan-empty">{mayWrite ? t('plans.tab.empty') : t('plans.tab.emptyReadOnly')}</p>
                )}
              </Section>
              {history && plan ? (
                <PlanHistory
                  participantId={participantId}
                  referrals={referrals}
                  onClose={() => {
                    setHistory(false);
                    focusLater('history');
                  }}
                />
              ) : null}
            </>
          )
        }
      </QueryState>
    </div>
  );
}

/** Done, dropped with a reason, or open again: one step's status changed without opening the editor. */
function StepActions({
  step,
  onStatus,
}: {
  step: PlanStep;
  onStatus: (status: StepStatus, reason?: string) => Promise<ItemErrors | null>;
}) {
  const { t } = useTranslation();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ItemErrors>({});
  const [busy, setBusy] = useState(false);
  const reasonField = useRef<HTMLInputElement>(null);
  const dropButton = useRef<HTMLButtonElement>(null);
  const wasDropping = useRef(false);

  // The reason's field takes the focus when it opens, as it is what to do next; a cancel goes back to "Drop".
  useEffect(() => {
    if (dropping) reasonField.current?.focus();
    else if (wasDropping.current) dropButton.current?.focus();
    wasDropping.current = dropping;
  }, [dropping]);

  async function act(status: StepStatus, why?: string) {
    if (busy) return;
    setBusy(true);
    const found = await onStatus(status, why);
    setBusy(false);
    setErrors(found ?? {});
    if (found === null) setDropping(false);
  }

  const reasonError = errors[errorKey(step.id, 'droppedReason')];
  const itemError = errors[errorKey(step.id)];
  if (dropping)
    return (
      <form
        className="plan-step-drop"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void act('dropped', reason);
        }}
      >
        <Field
          label={t('plans.tab.dropReason')}
          value={reason}
          error={reasonError}
          ref={reasonField}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary button-small" aria-disabled={busy || undefined}>
            {t('plans.tab.confirmDrop')}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => setDropping(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  return (
    <div className="plan-step-actions">
      {itemError ? <p className="field-error">{translateKey(t, itemError.key, itemError.values)}</p> : null}
      {step.status === 'open' ? (
        <>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('plans.tab.markDoneOf', { what: step.what })}
            aria-disabled={busy || undefined}
            data-focus-key={`step:${step.id}`}
            onClick={() => void act('done')}
          >
            {t('plans.tab.markDone')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('plans.tab.dropOf', { what: step.what })}
            ref={dropButton}
            onClick={() => setDropping(true)}
          >
            {t('plans.tab.drop')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={t('plans.tab.reopenOf', { what: step.what })}
          aria-disabled={busy || undefined}
          data-focus-key={`step:${step.id}`}
          onClick={() => void act('open')}
        >
          {t('plans.tab.reopen')}
        </button>
      )}
    </div>
  );
}
