/** What a change to a colleague's account makes stale: the staff list, and the lists people are chosen from. */
import type { ChannelPrefix } from '../../api/query';

export const STAFF_CHANGES: readonly ChannelPrefix[] = ['users', 'cohorts.staffOptions', 'participants.caseworkers'];
