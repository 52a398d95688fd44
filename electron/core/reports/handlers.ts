import { dayOf } from '@shared/days';
import type { HandlerGroup } from '../handler';
import { reportExportHandlers } from './export-handlers';
import { funderReport } from './funder';

/**
 * Reports: counts only, read on the main side and suppressed before they are sent. Looking at a report opens no
 * file, so it is not audited; saving or printing one is (which report, which period, never a figure).
 */
export const reportHandlers = {
  'reports.funder': {
    kind: 'tx',
    run: ({ from, to, cohortId, locale }, { db, now }) =>
      funderReport(db, { from, to, cohortId: cohortId ?? null }, locale, dayOf(now)),
  },
  ...reportExportHandlers,
} satisfies HandlerGroup;
