/**
 * What a saved mark makes stale: a participant's figures and the drift list. Not the grid it was made in, which
 * already shows it (and fetching it again could overwrite a mark still being saved).
 */
import type { ChannelPrefix } from '../../api/query';

export const MARK_CHANGES: readonly ChannelPrefix[] = ['attendance.participant', 'attendance.drift'];
