/** What setting or clearing a flag makes stale: the banner and the tab (every flags.list), and the timeline. */
import type { ChannelPrefix } from '../../api/query';

export const FLAG_CHANGES: readonly ChannelPrefix[] = ['flags', 'timeline.participant'];
