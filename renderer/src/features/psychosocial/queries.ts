/** The psychosocial log's reads, as the reader's role may see them. */
import { channelQuery } from '../../api/query';

/** The earlier versions of an entry. */
export const entryVersionsQuery = (id: string) => channelQuery('psychosocial.versions', { id });
/** The participant's meetings, with or without private notes as the reader's role may see them. */
export const entriesQuery = (participantId: string) => channelQuery('psychosocial.list', { participantId });
