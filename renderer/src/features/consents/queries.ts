/** The consents feature's reads. */
import { channelQuery } from '../../api/query';

/** The participant's consent register: each purpose's standing and its history. */
export const consentsQuery = (participantId: string) => channelQuery('consents.list', { participantId });
