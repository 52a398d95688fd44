import { dayOf } from '@shared/days';
import type { HandlerGroup } from '../handler';
import { reportExportHandlers } from './export-handlers';
import { funderReport } from './funder';
import { programmeReader, programmeReport } from './programme';

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
  // Every label is a key of the interface's wording and a group's name its own: the locale changes nothing here.
  'reports.programme': {
    kind: 'tx',
    run: ({ from, to, cohortId }, { db, session, now }) =>
      programmeReport(db, { from, to, cohortId: cohortId ?? null }, programmeReader(session), dayOf(now)),
  },
  ...reportExportHandlers,
} satisfies HandlerGroup;
