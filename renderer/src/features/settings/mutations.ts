/** What a changed setting makes stale: every reader of the settings (the start page, the drift list's threshold). */
import type { ChannelPrefix } from '../../api/query';

export const SETTINGS_CHANGES: readonly ChannelPrefix[] = ['settings'];
