import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunderReport, ReportTable } from '@shared/reports';
import { formatDayRange, formatNumber } from '../../i18n/format';
import { CellMark, ReportTableView } from './ReportTableView';
import { SuppressionRule } from './SuppressionRule';

export interface FunderReportViewProps {
  report: FunderReport;
  /** The actions on the report as a whole (saving, printing), shown above its tables. */
  toolbar?: ReactNode;
  /** A table's pictures, shown under it. */
  figureOf?: (table: ReportTable) => ReactNode;
}

/** What every report was asked for, as rows of its summary: the period and the group (or all groups). */
export function PeriodAndGroup({ period, cohort }: { period: { from: string; to: string }; cohort: { name: string } | null }) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <dt>{t('reports.screen.summary.period')}</dt>
        <dd>{formatDayRange(period.from, period.to)}</dd>
      </div>
      <div>
        <dt>{t('reports.screen.summary.cohort')}</dt>
        <dd>{cohort ? cohort.name : t('reports.screen.summary.allCohorts')}</dd>
      </div>
    </>
  );
}

/** The funder report as produced: what it counts (set, period, group), who is not counted, the tables, the rule. */
export function FunderReportView({ report, toolbar, figureOf }: FunderReportViewProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // A report just produced is read from its start: the button that asked for it is above, out of the way.
  useEffect(() => heading.current?.focus(), [report]);
  return (
    <article className="report" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {report.set.name}
      </h2>
      <dl className="report-summary" aria-label={t('reports.screen.summary.label')}>
        <div>
          <dt>{t('reports.screen.summary.version')}</dt>
          <dd>{report.set.version}</dd>
        </div>
        <PeriodAndGroup period={report.period} cohort={report.cohort} />
        <div>
          <dt>{t('reports.screen.summary.notCounted')}</dt>
          <dd className={`report-cell-${report.notCounted.kind}`}>
            <CellMark cell={report.notCounted} />
          </dd>
        </div>
        <div>
          <dt>{t('reports.screen.summary.attendance')}</dt>
          <dd>
            {report.attendanceRate === null
              ? t('reports.screen.summary.attendanceNotShown')
              : t('attendance.rate', { rate: formatNumber(report.attendanceRate) })}
          </dd>
        </div>
      </dl>
      {toolbar ? <div className="report-toolbar">{toolbar}</div> : null}
      {report.tables.map((table) => (
        <ReportTableView key={table.id} table={table} figure={figureOf?.(table)} />
      ))}
      <SuppressionRule threshold={report.threshold} />
    </article>
  );
}
