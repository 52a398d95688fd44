/** The participants feature's reads, as queries keyed by channel and input. */
import { channelQuery } from '../../api/query';

/** The people who can be made responsible for a participant. */
export const caseworkersQuery = () => channelQuery('participants.caseworkers', {});
