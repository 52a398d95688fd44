/** The notes feature's reads. */
import { channelQuery } from '../../api/query';

/** Every version of a note, the current one first. */
export const noteVersionsQuery = (id: string) => channelQuery('notes.versions', { id });
export const notesQuery = (participantId: string) => channelQuery('notes.list', { participantId });
/** The writer's own unsaved drafts for the participant. */
export const draftsQuery = (participantId: string) => channelQuery('notes.drafts', { participantId });
