/** The staff page's reads. */
import { channelQuery } from '../../api/query';

/** Everyone's account, active first, then by name (the main side keeps the order). */
export const staffQuery = () => channelQuery('users.list', {});

/** What the signed-in psychologist has not yet acknowledged of new access to the private notes. */
export const accessNoticesQuery = () => channelQuery('users.accessNotices', {});
