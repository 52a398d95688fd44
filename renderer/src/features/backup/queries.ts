/** The backup feature's reads. */
import { channelQuery } from '../../api/query';

/** The vault's backup state: the last backup, the reminder, and a restore waiting to be kept. */
export const backupStatusQuery = () => channelQuery('backup.status', {});
