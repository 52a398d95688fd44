/**
 * What saving or closing a note makes stale: the notes and drafts, the search index's answers, the timeline, and the
 * Today page, which lists the follow-ups due.
 */
import type { ChannelPrefix } from '../../api/query';

export const NOTE_CHANGES: readonly ChannelPrefix[] = ['notes', 'timeline.participant', 'today'];
