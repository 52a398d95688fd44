/**
 * What retention changes make stale: a new keeping time changes which files are due; erased files leave the due
 * list, the registry and their cohorts.
 */
import type { ChannelPrefix } from '../../api/query';

export const RETENTION_SETTING_CHANGES: readonly ChannelPrefix[] = ['retention'];
export const ERASE_CHANGES: readonly ChannelPrefix[] = ['retention', 'participants', 'cohorts', 'attendance'];
