/** The referrals feature's reads. */
import { channelQuery } from '../../api/query';

/** A participant's referrals, the newest first, each with its history. */
export const referralsQuery = (participantId: string) => channelQuery('referrals.list', { participantId });
