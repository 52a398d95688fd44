/**
 * What a change to a referral makes stale: the referrals (the file's tab and a partner's page), the timeline, the
 * Today page (referrals awaiting an answer).
 */
import type { ChannelPrefix } from '../../api/query';

export const REFERRAL_CHANGES: readonly ChannelPrefix[] = ['referrals', 'timeline.participant', 'today'];
