/** The Today page's read: every list for the user's role in one answer (shared/today.ts). */
import type { ChannelPrefix } from '../../api/query';
import { channelQuery } from '../../api/query';

/** This week's Today page. */
export const todayQuery = () => channelQuery('today.get', {});

/** What ticking a follow-up done from Today makes stale: the page itself and the participant's note list. */
export const FOLLOW_UP_CHANGES: readonly ChannelPrefix[] = ['today', 'notes'];
