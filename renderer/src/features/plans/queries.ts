/** The plan feature's reads. */
import { channelQuery } from '../../api/query';

/** The participant's plan in force (null when none has been saved). */
export const planQuery = (participantId: string) => channelQuery('plans.get', { participantId });
/** The plan's history, the version in force first. */
export const planVersionsQuery = (participantId: string) => channelQuery('plans.versions', { participantId });
/** The plan at one version, or in force at the end of a day. */
export const planVersionQuery = (participantId: string, which: { version: number } | { at: string }) =>
  channelQuery('plans.version', { participantId, ...which });
