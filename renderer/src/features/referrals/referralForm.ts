/** The referral forms' state and the decisions they make without a screen: what is sent, and which moves to offer. */
import type { InputOf } from '@shared/api';
import {
  REFERRAL_TRANSITIONS,
  type CompletionOutcome,
  type Referral,
  type ReferralStatus,
  type ServiceType,
  type SharedField,
  type TargetStatus,
  type Urgency,
} from '@shared/referrals';
import type { PartnerSummary } from '@shared/partners';
import type { FieldErrors } from '../../api/validate';

/** Everything the draft form holds, as typed. */
export interface DraftFormState {
  partnerId: string;
  contactId: string;
  serviceType: ServiceType;
  urgency: Urgency;
  reason: string;
  message: string;
  sharedFields: SharedField[];
  summary: string;
  followUpOn: string;
}

export function emptyDraft(): DraftFormState {
  return {
    partnerId: '',
    contactId: '',
    serviceType: 'employmentServices',
    urgency: 'routine',
    reason: '',
    message: '',
    sharedFields: [],
    summary: '',
    followUpOn: '',
  };
}

/** The form for editing a saved draft. */
export function formFromReferral(referral: Referral): DraftFormState {
  return {
    partnerId: referral.partnerId ?? '',
    contactId: referral.contactId ?? '',
    serviceType: referral.serviceType,
    urgency: referral.urgency,
    reason: referral.reason,
    message: referral.message ?? '',
    sharedFields: referral.sharedFields,
    summary: referral.summary ?? '',
    followUpOn: referral.followUpOn ?? '',
  };
}

/**
 * What the form sends: empty choices as null, and the summary only while `summary` is among the shared fields
 * (a summary written and then unticked must not be kept to leave later).
 */
export function draftInput(state: DraftFormState): Omit<InputOf<'referrals.create'>, 'participantId'> {
  return {
    partnerId: state.partnerId,
    contactId: state.contactId === '' ? null : state.contactId,
    serviceType: state.serviceType,
    urgency: state.urgency,
    reason: state.reason,
    message: state.message,
    sharedFields: state.sharedFields,
    summary: state.sharedFields.includes('summary') ? state.summary : null,
    followUpOn: state.followUpOn === '' ? null : state.followUpOn,
  };
}

/** The moves the lifecycle allows from `status`, in the table's order: the buttons of a referral. */
export function movesFrom(status: ReferralStatus): readonly TargetStatus[] {
  return REFERRAL_TRANSITIONS[status];
}

/** What a move's form holds. */
export interface MoveFormState {
  date: string;
  followUpOn: string;
  reason: string;
  outcome: CompletionOutcome;
  outcomeText: string;
}

/** A move's input as the channel takes it: only the fields that move has. */
export function moveInput(id: string, to: TargetStatus, state: MoveFormState): InputOf<'referrals.transition'> {
  switch (to) {
    case 'sent':
      return { id, to, date: state.date, followUpOn: state.followUpOn === '' ? null : state.followUpOn };
    case 'accepted':
      return { id, to, date: state.date };
    case 'declined':
    case 'withdrawn':
      return { id, to, date: state.date, reason: state.reason };
    case 'completed':
      return { id, to, date: state.date, outcome: state.outcome, outcomeText: state.outcomeText };
  }
}

/**
 * The partners to choose from: the active ones, and the one already chosen even when it is no longer active (a
 * draft made before the partner was set inactive keeps its choice).
 */
export function partnerChoices(
  partners: readonly PartnerSummary[],
  chosen: string,
): { id: string; name: string; active: boolean }[] {
  return partners.filter((p) => p.active || p.id === chosen).map((p) => ({ id: p.id, name: p.name, active: p.active }));
}

/**
 * The draft form's messages: the schema's general sentences for a missing partner or reason said in this form's
 * own words; everything else as the schema or the main side gave it.
 */
export function draftErrors(errors: FieldErrors): FieldErrors {
  const out = { ...errors };
  if (out.partnerId) out.partnerId = { key: 'referrals.form.partnerRequired' };
  if (out.reason?.key === 'validation.required') out.reason = { key: 'referrals.form.reasonRequired' };
  return out;
}

/** A move's messages: a decline's or a withdrawal's missing reason said as the app says a missing reason. */
export function moveErrors(errors: FieldErrors): FieldErrors {
  const out = { ...errors };
  if (out.reason?.key === 'validation.required') out.reason = { key: 'validation.reason_required' };
  return out;
}

/** Each move as the action its button names (the audit's names too: referrals.send, referrals.accept…). */
export const MOVE_ACTIONS = {
  sent: 'send',
  accepted: 'accept',
  declined: 'decline',
  completed: 'complete',
  withdrawn: 'withdraw',
} as const satisfies Record<TargetStatus, string>;
