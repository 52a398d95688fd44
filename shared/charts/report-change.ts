/**
 * A report's change from intake to exit per domain (the programme report's `change` table), drawn as the group's
 * page draws it (`cohort-change.ts`): one bar a domain, moved down | stayed | moved up, then those who cannot be
 * compared. A bar's parts are as long as their counts, so a domain is drawn only when every count of its row is
 * shown; a domain with a small or hidden count is left out of the pictures and named as such (its marks are in the
 * table), so that a picture never shows what the table hides.
 */
import { CHANGE_KINDS, type ChangeKind, type DomainChangeCounts } from '../assessments';
import type { ReportTable } from '../reports';
import { cohortChangeLegend, domainChangeChart } from './cohort-change';
import type { ChartModel } from './model';
import { labelText, type Translate } from './report-bars';

export interface ReportChangeCharts {
  /** The key to the four kinds. */
  legend: ChartModel;
  /** One chart a domain whose counts are all shown, in the table's order. */
  charts: { domain: string; chart: ChartModel }[];
  /** The names of the domains left out, because a count of theirs is small or hidden. */
  leftOut: string[];
}

const KIND_KEY = /^assessments\.cohortChange\.kinds\.(down|same|up|missing)$/;

/** The pictures of a change table; its columns name the kinds (`assessments.cohortChange.kinds.*`) and the total. */
export function reportChangeCharts(table: ReportTable, t: Translate): ReportChangeCharts {
  const kindAt = table.columns.map((column) => {
    const match = 'key' in column ? KIND_KEY.exec(column.key) : null;
    return match ? (match[1] as ChangeKind) : null;
  });
  const labels = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, t(`assessments.cohortChange.kinds.${kind}`)])) as Record<
    ChangeKind,
    string
  >;
  const charts: ReportChangeCharts['charts'] = [];
  const leftOut: string[] = [];
  for (const row of table.rows) {
    const domain = labelText(t, row.label);
    if (!row.cells.every((cell) => cell.kind === 'value')) {
      leftOut.push(domain);
      continue;
    }
    const counts: DomainChangeCounts = {
      domain: row.id as DomainChangeCounts['domain'],
      up: 0,
      same: 0,
      down: 0,
      missing: 0,
      n: 0,
    };
    row.cells.forEach((cell, i) => {
      const kind = kindAt[i];
      if (cell.kind !== 'value') return;
      if (kind) counts[kind] = cell.value;
      else counts.n = cell.value;
    });
    charts.push({
      domain,
      chart: domainChangeChart(counts, {
        title: domain,
        description: t('assessments.cohortChange.chartDescription', { ...counts, domain }),
      }),
    });
  }
  return { legend: cohortChangeLegend(labels, t('assessments.cohortChange.legend')), charts, leftOut };
}
