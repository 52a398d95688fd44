/**
 * What saving an assessment makes stale: the participant's assessments and stages, and the Today page, which lists
 * the assessments due.
 */
import type { ChannelPrefix } from '../../api/query';

export const ASSESSMENT_CHANGES: readonly ChannelPrefix[] = ['assessments', 'today'];
