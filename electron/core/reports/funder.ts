/**
 * The funder report (`reports.funder`): the participations of a period read as facts (`facts.ts`), counted into the
 * indicator set's tables (`funder-tables.ts`), and suppressed (`suppression.ts`) before anything leaves the main
 * side. What is sent holds only what may be shown.
 */
import { AppError } from '@shared/errors';
import type { Locale } from '@shared/locales';
import { REPORT_COLUMNS, type FunderReport, type ReportCell } from '@shared/reports';
import { percent } from '../attendance/figures';
import type { Db } from '../db/open';
import { get, sql } from '../db/sql';
import { readSettings } from '../settings/repo';
import { readParticipations, type ReportPeriod } from './facts';
import { funderTables } from './funder-tables';
import { DEFAULT_INDICATOR_SET, INDICATOR_SETS } from './indicator-set';
import { suppressCounts, type Shown } from './suppression';

const NOT_COUNTED = 'notCounted/total';

export function funderReport(db: Db, period: ReportPeriod, locale: Locale, today: string): FunderReport {
  const cohort = period.cohortId
    ? get<{ id: string; name: string }>(db, sql`SELECT id, name FROM cohorts WHERE id = ${period.cohortId}`)
    : null;
  if (cohort === undefined) throw new AppError('not_found');
  const set = INDICATOR_SETS.get(DEFAULT_INDICATOR_SET)!;
  const k = readSettings(db).reportThreshold;
  const read = readParticipations(db, period, today);
  const { tables, counts, relations } = funderTables(set, locale, read.counted);
  const shown = suppressCounts([...counts, { key: NOT_COUNTED, value: read.notCounted }], relations, k);
  const cell = (key: string): ReportCell => asCell(shown.get(key)!, k);
  const inPeriod = shown.get('period/in/total')!;
  return {
    set: { id: set.id, version: set.version[locale], name: set.name[locale] },
    period: { from: period.from, to: period.to },
    cohort,
    threshold: k,
    tables: tables.map((table) => ({
      id: table.id,
      title: table.title,
      columns: REPORT_COLUMNS.map((column) => ({ key: `reports.columns.${column}` })),
      rows: table.rows.map((row) => ({
        id: row.id,
        label: row.label,
        code: row.code,
        within: row.within,
        cells: row.keys.map(cell),
      })),
    })),
    notCounted: cell(NOT_COUNTED),
    // A rate over too few people says something of each of them: shown only when their number is.
    attendanceRate: inPeriod.kind === 'value' ? percent(read.attendance.attended, read.attendance.counted) : null,
  };
}

/** A count as it is sent: its value, "<k" or hidden. */
export function asCell(shown: Shown, k: number): ReportCell {
  if (shown.kind === 'value') return { kind: 'value', value: shown.value };
  if (shown.kind === 'small') return { kind: 'small', below: k };
  return { kind: 'hidden' };
}
