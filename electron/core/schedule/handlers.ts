/**
 * A cohort's printable week schedule (`schedule.*`; the week view across cohorts is sessions.week). The printed
 * schedule is for the group: see template.ts for what it leaves out. The preview is not audited (it shows what
 * the cohort's calendar shows this user); every PDF saved and every completed print is, under the cohort.
 */
import { AppError } from '@shared/errors';
import type { Locale } from '@shared/locales';
import type { SessionInfo } from '@shared/vault';
import type { CoreContext, HandlerGroup } from '../handler';
import type { Db } from '../db/open';
import { printable, savePdf, sendToPrinter } from '../print/deliver';
import { printText } from '../print/labels';
import type { DocumentMode } from '../print/template';
import { renderWeekSchedule } from './template';
import { cohortOfWeek, cohortWeek } from '../sessions/week';
import { readSettings } from '../settings/repo';

interface ScheduleRequest {
  cohortId: string;
  weekStart: string;
  locale: Locale;
}

/** The document of one cohort's week in the requested language. */
export function buildWeekSchedule(
  db: Db,
  _session: SessionInfo,
  request: ScheduleRequest,
  options: { now: Date; mode: DocumentMode },
): string {
  const cohort = cohortOfWeek(db, request.cohortId);
  if (cohort === undefined) throw new AppError('not_found');
  const settings = readSettings(db);
  return renderWeekSchedule({
    text: printText(request.locale),
    cohortName: cohort.name,
    period: cohort,
    organisation: { name: settings.organisationName, phone: settings.organisationPhone },
    monday: request.weekStart,
    sessions: cohortWeek(db, request.cohortId, request.weekStart),
    printedAt: options.now,
    mode: options.mode,
  });
}

/** Which week in which language: no content, no names. */
export const scheduleAuditDetail = (request: ScheduleRequest) => `week:${request.weekStart} locale:${request.locale}`;

function scheduleAudit(action: 'schedule.pdf' | 'schedule.print', { vault }: CoreContext, request: ScheduleRequest): void {
  vault.write(
    { action, entity: 'cohort', entityId: request.cohortId, outcome: 'ok', detail: scheduleAuditDetail(request) },
    () => undefined,
  );
}

/** The suggested file name: the kind of document and the week, never the cohort's name. */
const defaultFileName = (request: ScheduleRequest) =>
  `${printText(request.locale).t('schedule.fileName')}-${request.weekStart}.pdf`;

const document = (context: CoreContext, request: ScheduleRequest) =>
  printable(context, (db, session) => buildWeekSchedule(db, session, request, { now: context.now, mode: 'print' }));

export const scheduleHandlers = {
  'schedule.preview': {
    kind: 'tx',
    run: (input, { db, session, now }) => ({ html: buildWeekSchedule(db, session, input, { now, mode: 'preview' }) }),
  },

  'schedule.pdf': {
    kind: 'core',
    run: (input, context) =>
      savePdf(context, document(context, input), {
        channel: 'schedule.pdf',
        defaultName: defaultFileName(input),
        audit: () => scheduleAudit('schedule.pdf', context, input),
      }),
  },

  'schedule.print': {
    kind: 'core',
    run: (input, context) =>
      sendToPrinter(context, document(context, input), {
        channel: 'schedule.print',
        audit: () => scheduleAudit('schedule.print', context, input),
      }),
  },
} satisfies HandlerGroup;
