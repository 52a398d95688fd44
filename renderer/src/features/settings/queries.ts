/** The settings feature's reads. */
import { channelQuery } from '../../api/query';

/** The vault's settings (auto-lock, attendance threshold, retention, backup reminder). */
export const settingsQuery = () => channelQuery('settings.get', {});
