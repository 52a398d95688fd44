/**
 * What saving a plan makes stale: the plan and its history, the participant's timeline (a version is an entry),
 * and the Today page, which lists the steps due this week.
 */
import type { ChannelPrefix } from '../../api/query';

export const PLAN_CHANGES: readonly ChannelPrefix[] = ['plans', 'timeline.participant', 'today'];
