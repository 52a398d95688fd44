/** A participant's safety flags: those in force (the banner), or with the cleared ones too (the flags tab). */
import { channelQuery } from '../../api/query';

export const flagsQuery = (participantId: string, includeCleared = false) =>
  channelQuery('flags.list', includeCleared ? { participantId, includeCleared: true } : { participantId });
