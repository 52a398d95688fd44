import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import {
  GOAL_KINDS,
  GOAL_TARGET_MAX,
  GOAL_WHY_MAX,
  PLAN_GOALS_MAX,
  PLAN_STEPS_PER_GOAL_MAX,
  STEP_DROPPED_REASON_MAX,
  STEP_OWNERS,
  STEP_STATUSES,
  STEP_WHAT_MAX,
  type Plan,
} from '@shared/plans';
import type { Referral } from '@shared/referrals';
import { invoke } from '../../api/client';
import { invalidateChannels } from '../../api/query';
import { fieldErrorsFromIssues, validateInput, type FieldMessage } from '../../api/validate';
import { ConfirmBox } from '../../components/ConfirmBox';
import { StatusMessage } from '../../components/ErrorMessage';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { usePendingFocus } from '../../components/usePendingFocus';
import { formatWhen } from '../../i18n/format';
import { translateKey } from '../../i18n/keys';
import { ConsentAwareError } from '../consents/ConsentAwareError';
import { PLAN_CHANGES } from './mutations';
import {
  draftFromPlan,
  errorKey,
  isStale,
  errorsByItem,
  moved,
  newGoal,
  newStep,
  PLAN_ERROR,
  saveInput,
  stepMovedToGoal,
  type GoalDraft,
  type ItemErrors,
  type PlanDraft,
  type StepDraft,
} from './planDraft';
import { PlanView, useReferralLabel } from './PlanView';

interface PlanEditorProps {
  participantId: string;
  /** The plan in force when the editor opened; null to make the first one. */
  plan: Plan | null;
  referrals: readonly Referral[] | null;
  onSaved: (plan: Plan, changed: boolean) => void;
  onCancel: () => void;
}

/** A problem of one item as a sentence, or nothing. */
function ItemError({ message }: { message: FieldMessage | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return <p className="field-error">{translateKey(t, message.key, message.values)}</p>;
}

/**
 * The whole plan in one form: goals added, removed and put in order, steps added and removed under a goal or moved
 * to another, each field's problem next to it. Saving sends the whole plan based on the version it was opened at;
 * when someone else saved meanwhile, what was typed stays in the form, the latest saved plan is shown beside it, and
 * the writer chooses to save theirs over it or to take the latest.
 */
export function PlanEditor({ participantId, plan, referrals, onSaved, onCancel }: PlanEditorProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const focusLater = usePendingFocus(form);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(plan));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<ItemErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  // After a stale save: the plan saved meanwhile (null when it could not be read).
  const [latest, setLatest] = useState<{ plan: Plan | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const referralLabel = useReferralLabel();
  useFocusFirstInvalid(form, attempt);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  function change(next: PlanDraft, clear?: string) {
    setDraft(next);
    setDirty(true);
    if (clear) setErrors((current) => ({ ...current, [clear]: undefined }));
  }
  const updateGoal = (key: string, patch: Partial<GoalDraft>, field?: string) =>
    change({ ...draft, goals: draft.goals.map((g) => (g.key === key ? { ...g, ...patch } : g)) }, field && errorKey(key, field));
  const updateStep = (key: string, patch: Partial<StepDraft>, field?: string) =>
    change(
      {
        ...draft,
        goals: draft.goals.map((g) => ({ ...g, steps: g.steps.map((s) => (s.key === key ? { ...s, ...patch } : s)) })),
      },
      field && errorKey(key, field),
    );

  function addGoal() {
    const goal = newGoal();
    change({ ...draft, goals: [...draft.goals, goal] });
    focusLater(`target:${goal.key}`);
  }
  function removeGoal(index: number) {
    change({ ...draft, goals: draft.goals.filter((_, i) => i !== index) });
    focusLater('add-goal');
  }
  function moveGoal(index: number, delta: number, key: string) {
    change({ ...draft, goals: moved(draft.goals, index, delta) });
    const to = index + delta;
    // At the top or the bottom, the button that moved it can no longer be pressed: focus goes to the other one.
    focusLater(to === 0 ? `down:${key}` : to === draft.goals.length - 1 ? `up:${key}` : `${delta < 0 ? 'up' : 'down'}:${key}`);
  }
  function addStep(goal: GoalDraft) {
    const step = newStep();
    updateGoal(goal.key, { steps: [...goal.steps, step] });
    focusLater(`what:${step.key}`);
  }
  function removeStep(goal: GoalDraft, key: string) {
    updateGoal(goal.key, { steps: goal.steps.filter((s) => s.key !== key) });
    focusLater(`add-step:${goal.key}`);
  }
  function moveStep(key: string, goalKey: string) {
    change(stepMovedToGoal(draft, key, goalKey));
    focusLater(`goal-of:${key}`);
  }

  async function save(toSave: PlanDraft) {
    if (busy) return;
    setFailure(null);
    const input = saveInput(participantId, toSave);
    const checked = validateInput('plans.save', input);
    if (!checked.ok) {
      setErrors(errorsByItem(checked.errors, toSave));
      return setAttempt((n) => n + 1);
    }
    setBusy(true);
    const result = await invoke('plans.save', input);
    setBusy(false);
    if (result.ok) return onSaved(result.value.plan, result.value.changed);
    setFailure(result);
    if (result.code !== 'invalid_input') return;
    if (isStale(result)) {
      const read = await invoke('plans.get', { participantId });
      setLatest({ plan: read.ok ? read.value.plan : null });
      void invalidateChannels(client, ...PLAN_CHANGES);
      return;
    }
    setErrors(errorsByItem(fieldErrorsFromIssues(result.details?.issues), toSave));
    setAttempt((n) => n + 1);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(draft);
  }

  /** Saves what was typed over the version saved meanwhile, which the writer has now seen. */
  function saveOver() {
    const next = { ...draft, baseVersion: latest?.plan?.version ?? null };
    setDraft(next);
    setLatest(null);
    void save(next);
  }

  function takeLatest() {
    setDraft(draftFromPlan(latest?.plan ?? null));
    setLatest(null);
    setFailure(null);
    setErrors({});
    setDirty(false);
  }

  function cancel() {
    if (dirty) return setConfirmDiscard(true);
    onCancel();
  }

  const goalOptions = draft.goals.map((g, i) => ({
    value: g.key,
    label: t('plans.editor.goalOption', { number: i + 1, target: g.target.trim() || t('plans.editor.untitledGoal') }),
  }));
  const referralOptions = [
    { value: '', label: t('plans.editor.noReferral') },
    ...(referrals ?? []).map((r) => ({ value: r.id, label: referralLabel(r) })),
  ];
  const stale = isStale(failure);

  return (
    <Section
      title={plan ? t('plans.editor.editTitle', { number: plan.version }) : t('plans.editor.newTitle')}
      className="plan-editor"
    >
      <p className="field-hint">{t('plans.editor.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <ol className="plan-edit-goals">
          {draft.goals.map((goal, g) => (
            <li key={goal.key}>
              <fieldset className="plan-edit-goal">
                <legend>{t('plans.editor.goal', { number: g + 1 })}</legend>
                <ItemError message={errors[errorKey(goal.key)]} />
                <div className="plan-edit-row">
                  <SelectField
                    label={t('plans.editor.kind')}
                    options={GOAL_KINDS.map((kind) => ({ value: kind, label: t(`plans.goalKinds.${kind}`) }))}
                    value={goal.kind}
                    error={errors[errorKey(goal.key, 'kind')]}
                    onChange={(e) => updateGoal(goal.key, { kind: e.target.value as GoalDraft['kind'] }, 'kind')}
                  />
                  <Field
                    className="plan-edit-wide"
                    label={t('plans.editor.target')}
                    maxLength={GOAL_TARGET_MAX}
                    value={goal.target}
                    error={errors[errorKey(goal.key, 'target')]}
                    data-focus-key={`target:${goal.key}`}
                    onChange={(e) => updateGoal(goal.key, { target: e.target.value }, 'target')}
                  />
                  <DateField
                    label={t('plans.editor.targetDate')}
                    value={goal.targetDate}
                    error={errors[errorKey(goal.key, 'targetDate')]}
                    onChange={(value) => updateGoal(goal.key, { targetDate: value }, 'targetDate')}
                  />
                </div>
                <TextAreaField
                  label={t('plans.editor.why')}
                  rows={2}
                  maxLength={GOAL_WHY_MAX}
                  spellCheck
                  value={goal.why}
                  error={errors[errorKey(goal.key, 'why')]}
                  onChange={(e) => updateGoal(goal.key, { why: e.target.value }, 'why')}
                />
                <fieldset className="plan-edit-steps">
                  <legend>{t('plans.editor.steps')}</legend>
                  <ItemError message={errors[errorKey(goal.key, 'steps')]} />
                  <ol>
                    {goal.steps.map((step, s) => (
                      <li key={step.key} className="plan-edit-step">
                        <ItemError message={errors[errorKey(step.key)]} />
                        <p className="plan-edit-step-number">{t('plans.editor.step', { number: s + 1 })}</p>
                        <div className="plan-edit-row">
                          <Field
                            className="plan-edit-wide"
                            label={t('plans.editor.what')}
                            maxLength={STEP_WHAT_MAX}
                            value={step.what}
                            error={errors[errorKey(step.key, 'what')]}
                            data-focus-key={`what:${step.key}`}
                            onChange={(e) => updateStep(step.key, { what: e.target.value }, 'what')}
                          />
                          <SelectField
                            label={t('plans.editor.owner')}
                            options={STEP_OWNERS.map((owner) => ({ value: owner, label: t(`plans.stepOwners.${owner}`) }))}
                            value={step.owner}
                            error={errors[errorKey(step.key, 'owner')]}
                            onChange={(e) => updateStep(step.key, { owner: e.target.value as StepDraft['owner'] }, 'owner')}
                          />
                          <DateField
                            label={t('plans.editor.due')}
                            value={step.due}
                            error={errors[errorKey(step.key, 'due')]}
                            onChange={(value) => updateStep(step.key, { due: value }, 'due')}
                          />
                          <SelectField
                            label={t('plans.editor.status')}
                            options={STEP_STATUSES.map((status) => ({ value: status, label: t(`plans.stepStatuses.${status}`) }))}
                            value={step.status}
                            error={errors[errorKey(step.key, 'status')]}
                            onChange={(e) => updateStep(step.key, { status: e.target.value as StepDraft['status'] }, 'status')}
                          />
                        </div>
                        {step.status === 'dropped' ? (
                          <Field
                            label={t('plans.editor.droppedReason')}
                            maxLength={STEP_DROPPED_REASON_MAX}
                            value={step.droppedReason}
                            error={errors[errorKey(step.key, 'droppedReason')]}
                            onChange={(e) => updateStep(step.key, { droppedReason: e.target.value }, 'droppedReason')}
                          />
                        ) : null}
                        <div className="plan-edit-row">
                          {referrals !== null && (referrals.length > 0 || step.referralId !== '') ? (
                            <SelectField
                              label={t('plans.editor.referral')}
                              options={
                                step.referralId === '' || referralOptions.some((o) => o.value === step.referralId)
                                  ? referralOptions
                                  : [...referralOptions, { value: step.referralId, label: t('plans.tab.referralUnknown') }]
                              }
                              value={step.referralId}
                              error={errors[errorKey(step.key, 'referralId')]}
                              onChange={(e) => updateStep(step.key, { referralId: e.target.value }, 'referralId')}
                            />
                          ) : null}
                          {draft.goals.length > 1 ? (
                            <SelectField
                              label={t('plans.editor.goalOfStep')}
                              options={goalOptions}
                              value={goal.key}
                              data-focus-key={`goal-of:${step.key}`}
                              onChange={(e) => moveStep(step.key, e.target.value)}
                            />
                          ) : null}
                          <button
                            type="button"
                            className="button button-secondary button-small plan-edit-remove"
                            aria-label={t('plans.editor.removeStepOf', { step: s + 1, goal: g + 1 })}
                            onClick={() => removeStep(goal, step.key)}
                          >
                            {t('plans.editor.removeStep')}
                          </button>
                        </div>
                      </li>
                    ))}
                  </ol>
                  {goal.steps.length < PLAN_STEPS_PER_GOAL_MAX ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('plans.editor.addStepTo', { number: g + 1 })}
                      data-focus-key={`add-step:${goal.key}`}
                      onClick={() => addStep(goal)}
                    >
                      {t('plans.editor.addStep')}
                    </button>
                  ) : (
                    <p className="field-hint">{t('plans.editor.stepsMax', { count: PLAN_STEPS_PER_GOAL_MAX })}</p>
                  )}
                </fieldset>
                <div className="plan-edit-goal-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t('plans.editor.moveGoalUp', { number: g + 1 })}
                    aria-disabled={g === 0 || undefined}
                    data-focus-key={`up:${goal.key}`}
                    onClick={() => g > 0 && moveGoal(g, -1, goal.key)}
                  >
                    {t('plans.editor.moveUp')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t('plans.editor.moveGoalDown', { number: g + 1 })}
                    aria-disabled={g === draft.goals.length - 1 || undefined}
                    data-focus-key={`down:${goal.key}`}
                    onClick={() => g < draft.goals.length - 1 && moveGoal(g, 1, goal.key)}
                  >
                    {t('plans.editor.moveDown')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t('plans.editor.removeGoalOf', { number: g + 1 })}
                    onClick={() => removeGoal(g)}
                  >
                    {t('plans.editor.removeGoal')}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <ItemError message={errors[PLAN_ERROR]} />
        {draft.goals.length < PLAN_GOALS_MAX ? (
          <button type="button" className="button button-secondary" data-focus-key="add-goal" onClick={addGoal}>
            {t('plans.editor.addGoal')}
          </button>
        ) : (
          <p className="field-hint">{t('plans.editor.goalsMax', { count: PLAN_GOALS_MAX })}</p>
        )}
        {stale ? (
          <div role="alert" className="notice notice-error plan-stale">
            <p>{t('plans.errors.stale')}</p>
          </div>
        ) : (
          <ConsentAwareError failure={failure} participantId={participantId} />
        )}
        {stale && latest ? (
          <div className="plan-latest">
            <p className="plan-detail">
              {latest.plan
                ? t('plans.editor.latest', {
                    number: latest.plan.version,
                    name: latest.plan.savedByName ?? t('plans.tab.unknownAuthor'),
                    when: formatWhen(latest.plan.savedAt),
                  })
                : t('plans.editor.latestNone')}
            </p>
            {latest.plan ? <PlanView goals={latest.plan.goals} referrals={referrals} today={null} level={4} /> : null}
            <div className="actions">
              <button type="button" className="button button-primary" onClick={saveOver}>
                {t('plans.editor.saveOver')}
              </button>
              <button type="button" className="button button-secondary" onClick={takeLatest}>
                {t('plans.editor.takeLatest')}
              </button>
            </div>
          </div>
        ) : null}
        <StatusMessage>{busy ? t('plans.tab.saving') : null}</StatusMessage>
        {confirmDiscard ? (
          <ConfirmBox
            question={t('plans.editor.discardQuestion')}
            explanation={t('plans.editor.discardExplanation')}
            confirmLabel={t('plans.editor.discard')}
            destructive
            busy={false}
            failure={null}
            onConfirm={onCancel}
            onCancel={() => setConfirmDiscard(false)}
          />
        ) : (
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('plans.editor.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </form>
    </Section>
  );
}
