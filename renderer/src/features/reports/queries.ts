/** The reports' reads: counts only, already suppressed on the main side. */
import type { InputOf } from '@shared/api';
import { channelQuery } from '../../api/query';

export type FunderReportInput = InputOf<'reports.funder'>;

export const funderReportQuery = (input: FunderReportInput) => channelQuery('reports.funder', input);
