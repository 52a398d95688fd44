/** Reads of the assessment instrument: the current version, and every version stored (for names in the audit view). */
import type { Instrument } from '@shared/assessments';
import { invoke } from '../../api/client';
import { callChannel, channelQuery } from '../../api/query';

/** A version of the instrument with each item's hidden flag; the current one without `version`. */
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
