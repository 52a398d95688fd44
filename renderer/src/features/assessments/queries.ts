/** The assessments feature's reads: a participant's assessments, and the instrument by version. */
import type { Instrument } from '@shared/assessments';
import { invoke } from '../../api/client';
import { callChannel, channelQuery } from '../../api/query';

/** The participant's assessments, the versions they were made with, and where each stage stands. */
export const assessmentsQuery = (participantId: string) => channelQuery('assessments.list', { participantId });

/** A version of the instrument with each item's hidden flag; without `version` the current one, which a new
 * assessment is made with. */
export const instrumentQuery = (version?: number) =>
  channelQuery('assessments.instrument', version === undefined ? {} : { version });

/**
 * Every version stored, oldest first. A version below the current one may be missing (a handover brings only the
 * versions its assessments were made with), so each earlier one is asked for and those not stored are skipped.
 */
export const everyInstrumentQuery = () => ({
  queryKey: ['assessments', 'instrument', 'every version'],
  queryFn: async (): Promise<Instrument[]> => {
    const { instrument, current } = await callChannel('assessments.instrument', {});
    const earlier = await Promise.all(
      Array.from({ length: current - 1 }, (_, i) => invoke('assessments.instrument', { version: i + 1 })),
    );
    return [...earlier.flatMap((answer) => (answer.ok ? [answer.value.instrument] : [])), instrument];
  },
});
