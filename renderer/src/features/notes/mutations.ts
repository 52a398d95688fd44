/** What saving or closing a note makes stale: the notes and drafts, the search index's answers, and the timeline. */
import type { ChannelPrefix } from '../../api/query';

export const NOTE_CHANGES: readonly ChannelPrefix[] = ['notes', 'timeline.participant'];
