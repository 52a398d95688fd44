/** The retention feature's reads. */
import { channelQuery } from '../../api/query';

/** The closed files whose keeping time is over, to be deleted. */
export const dueFilesQuery = () => channelQuery('retention.due', {});
/** How many years closed files are kept. */
export const retentionYearsQuery = () => channelQuery('retention.get', {});
