/**
 * What each change to partners makes stale. A partner's contacts are counted in the list; a visit shows on the
 * partner's page, in the list's counts, and on its session in the cohort's calendar.
 */
import type { ChannelPrefix } from '../../api/query';

export const PARTNER_CHANGES: readonly ChannelPrefix[] = ['partners'];
export const VISIT_CHANGES: readonly ChannelPrefix[] = ['visits', 'partners', 'sessions'];
