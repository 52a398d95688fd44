import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { today } from '@shared/days';
import { COMPLETION_OUTCOMES, OUTCOME_TEXT_MAX, TRANSITION_TEXT_MAX, type Referral, type TargetStatus } from '@shared/referrals';
import type { FieldErrors } from '../../api/validate';
import { invalidateChannels } from '../../api/query';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { StatusMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useChannelForm } from '../../components/useChannelForm';
import { FormProblem } from '../consents/FormProblem';
import { OverrideForm } from '../consents/OverrideForms';
import { SendBlocked } from './SendBlocked';
import { REFERRAL_CHANGES } from './mutations';
import { MOVE_ACTIONS, moveErrors, moveInput, type MoveFormState } from './referralForm';

interface MoveFormProps {
  referral: Referral;
  to: TargetStatus;
  onMoved: (referral: Referral) => void;
  onCancel: () => void;
}

/** The fields each move asks for; a refusal about anything else is said above the buttons. */
const FIELDS: Record<TargetStatus, readonly string[]> = {
  sent: ['date', 'followUpOn'],
  accepted: ['date'],
  declined: ['date', 'reason'],
  completed: ['date', 'outcome', 'outcomeText'],
  withdrawn: ['date', 'reason'],
};

/**
 * One move of a referral with what it needs: its day (today unless changed; not in the future), and for a send
 * the follow-up date, for a decline or a withdrawal the reason, for a completion the outcome. A send the consent
 * gate refuses says what is missing and where to put it right (SendBlocked).
 */
export function MoveForm({ referral, to, onMoved, onCancel }: MoveFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const first = useRef<HTMLInputElement>(null);
  // The coordinator's override of partner sharing, opened from a refused send (its own form, after this one).
  const [overriding, setOverriding] = useState(false);
  const [granted, setGranted] = useState(false);
  const [state, setState] = useState<MoveFormState>({
    date: today(),
    followUpOn: referral.followUpOn ?? '',
    reason: '',
    outcome: 'startedCourse',
    outcomeText: '',
  });
  const {
    formRef,
    errors: found,
    edit,
    failure,
    busy,
    submit: send,
  } = useChannelForm({
    onCancel,
    invalidates: REFERRAL_CHANGES,
  });
  const errors = moveErrors(found);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const set =
    <K extends keyof MoveFormState>(field: K) =>
    (value: MoveFormState[K]) =>
      edit(field, (v: MoveFormState[K]) => setState((s) => ({ ...s, [field]: v })))(value);

  function submit(event: FormEvent) {
    setGranted(false);
    const ownRules: FieldErrors = {};
    if (state.date > today()) ownRules.date = { key: 'referrals.errors.dateInFuture' };
    if (to === 'completed' && state.outcome === 'other' && state.outcomeText.trim() === '')
      ownRules.outcomeText = { key: 'referrals.errors.outcomeTextRequired' };
    return send(event, 'referrals.transition', moveInput(referral.id, to, state), (value) => onMoved(value.referral), {
      ownRules,
    });
  }

  const title = t(`referrals.moves.buttons.${MOVE_ACTIONS[to]}`);
  return (
    <div className="referral-move">
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="referral-move-form" aria-label={title}>
        <h4>{title}</h4>
        <div className="referral-form-row">
          <DateField
            ref={first}
            label={t('referrals.moves.date')}
            hint={t('referrals.moves.dateHint')}
            years="past"
            value={state.date}
            error={errors.date}
            onChange={set('date')}
          />
          {to === 'sent' ? (
            <DateField
              label={t('referrals.moves.followUp')}
              hint={t('referrals.moves.followUpHint')}
              value={state.followUpOn}
              error={errors.followUpOn}
              onChange={set('followUpOn')}
            />
          ) : null}
        </div>
        {to === 'declined' || to === 'withdrawn' ? (
          <TextAreaField
            label={t(to === 'declined' ? 'referrals.moves.declineReason' : 'referrals.moves.withdrawReason')}
            rows={3}
            maxLength={TRANSITION_TEXT_MAX}
            value={state.reason}
            error={errors.reason}
            onChange={(e) => set('reason')(e.target.value)}
          />
        ) : null}
        {to === 'completed' ? (
          <>
            <SelectField
              label={t('referrals.moves.outcome')}
              options={COMPLETION_OUTCOMES.map((o) => ({ value: o, label: t(`referrals.outcomes.${o}`) }))}
              value={state.outcome}
              error={errors.outcome}
              onChange={(e) => set('outcome')(e.target.value as MoveFormState['outcome'])}
            />
            <Field
              label={t('referrals.moves.outcomeText')}
              hint={t('referrals.moves.outcomeTextHint')}
              maxLength={OUTCOME_TEXT_MAX}
              value={state.outcomeText}
              error={errors.outcomeText}
              onChange={(e) => set('outcomeText')(e.target.value)}
            />
          </>
        ) : null}
        {failure?.code === 'consent_required' && !granted ? (
          <SendBlocked referral={referral} overriding={overriding} onOverride={() => setOverriding(true)} />
        ) : (
          <FormProblem failure={failure} fields={FIELDS[to]} />
        )}
        <StatusMessage tone="success">{granted ? t('referrals.moves.overrideGranted') : null}</StatusMessage>
        <FormActions submitLabel={title} busy={busy} onCancel={onCancel} />
      </form>
      {overriding ? (
        <OverrideForm
          participantId={referral.participantId}
          purpose="partner_sharing"
          headingLevel={4}
          onGranted={() => {
            setOverriding(false);
            setGranted(true);
            void invalidateChannels(client, 'consents.list');
            first.current?.focus();
          }}
          onCancel={() => setOverriding(false)}
        />
      ) : null}
    </div>
  );
}
