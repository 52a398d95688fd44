/** The assessments feature's reads. */
import { channelQuery } from '../../api/query';

/** The participant's assessments, the versions they were made with, and where each stage stands. */
export const assessmentsQuery = (participantId: string) => channelQuery('assessments.list', { participantId });
/** The current version of the instrument, which a new assessment is made with. */
export const currentInstrumentQuery = () => channelQuery('assessments.instrument', {});
