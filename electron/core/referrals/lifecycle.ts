import { AppError } from '@shared/errors';
import { REFERRAL_TRANSITIONS, type ReferralStatus, type TargetStatus } from '@shared/referrals';

/** Moves that let more of the participant's file leave: only these pass the consent gate. */
export const SHARING_MOVES: ReadonlySet<TargetStatus> = new Set(['sent']);

/** Statuses still waiting for something: a referral in one of them can be withdrawn. */
export const OPEN_STATUSES: readonly ReferralStatus[] = (Object.keys(REFERRAL_TRANSITIONS) as ReferralStatus[]).filter(
  (status) => REFERRAL_TRANSITIONS[status].length > 0,
);

export function canMove(from: ReferralStatus, to: TargetStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** For each status, the sentence that says what may come next (or that the referral is closed). */
export const NEXT_SENTENCE: Readonly<Record<ReferralStatus, `referrals.errors.after${string}`>> = {
  draft: 'referrals.errors.afterDraft',
  sent: 'referrals.errors.afterSent',
  accepted: 'referrals.errors.afterAccepted',
  declined: 'referrals.errors.afterDeclined',
  completed: 'referrals.errors.afterCompleted',
  withdrawn: 'referrals.errors.afterWithdrawn',
};

/** Refuses a move the table does not allow, with the sentence for the referral's current status. */
export function assertMove(from: ReferralStatus, to: TargetStatus): void {
  if (canMove(from, to)) return;
  throw new AppError('invalid_transition', {
    field: 'to',
    issues: [{ path: 'to', i18nKey: NEXT_SENTENCE[from] }],
  });
}
