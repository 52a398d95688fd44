/** What a change to the funder's data makes stale: the participation itself, the file's timeline and Today's list. */
import type { ChannelPrefix } from '../../api/query';

export const PARTICIPATION_CHANGES: readonly ChannelPrefix[] = ['participation', 'timeline.participant', 'today'];
