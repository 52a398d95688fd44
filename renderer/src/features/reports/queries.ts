/** The reports' reads: counts only, already suppressed on the main side. */
import type { InputOf } from '@shared/api';
import { channelQuery } from '../../api/query';

/** The channels a report is read from; each takes the same period input. */
export type ReportChannel = 'reports.funder' | 'reports.programme';

/** The period input every report takes (shared/reports.ts, reportPeriodInput). */
export type ReportInput = InputOf<'reports.funder'>;

export const reportQuery = <C extends ReportChannel>(channel: C, input: InputOf<C>) => channelQuery(channel, input);
