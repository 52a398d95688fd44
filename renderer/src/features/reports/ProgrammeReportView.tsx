import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportBarsChart } from '@shared/charts/report-bars';
import { reportChangeCharts } from '@shared/charts/report-change';
import type { ProgrammeReport, ReportTable } from '@shared/reports';
import { ChartSvg } from '../../components/ChartSvg';
import { formatNumber } from '../../i18n/format';
import { PeriodAndGroup } from './FunderReportView';
import { ReportTableView } from './ReportTableView';
import { translator } from './reportText';
import { SuppressionRule } from './SuppressionRule';

/**
 * The programme report as produced: each group's section, then all of them together; the referrals and the change
 * from intake to exit are the whole's when there are several groups (a group's own come with that group chosen).
 */
export function ProgrammeReportView({ report, toolbar }: { report: ProgrammeReport; toolbar?: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const several = report.sections.length > 1;
  return (
    <article className="report" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('reports.screen.tabs.programme')}
      </h2>
      <dl className="report-summary" aria-label={t('reports.screen.summary.label')}>
        <PeriodAndGroup period={report.period} cohort={report.cohort} />
      </dl>
      {toolbar ? <div className="report-toolbar">{toolbar}</div> : null}
      {report.sections.length === 0 ? <p>{t('reports.screen.programme.none')}</p> : null}
      {several ? <p className="field-hint">{t('reports.screen.programme.wholeOnly')}</p> : null}
      {report.sections.map((section) => (
        <section
          key={section.cohort?.id ?? 'all'}
          className="report-section"
          aria-label={section.cohort?.name ?? t('reports.programme.allGroups')}
        >
          <h3>{section.cohort ? section.cohort.name : t('reports.programme.allGroups')}</h3>
          <p>
            {t('reports.programme.attendanceRate')}:{' '}
            {section.attendanceRate === null
              ? t('reports.screen.summary.attendanceNotShown')
              : t('attendance.rate', { rate: formatNumber(section.attendanceRate) })}
          </p>
          {section.tables.map((table) => (
            <ReportTableView
              key={table.id}
              table={table}
              figure={
                table.id === 'change' ? (
                  <ChangeFigures table={table} />
                ) : (
                  <ChartSvg className="chart report-bars" model={reportBarsChart(table, translator(t))} />
                )
              }
            />
          ))}
        </section>
      ))}
      <SuppressionRule threshold={report.threshold} />
    </article>
  );
}

/** The change per domain as the group's page draws it, for the domains whose counts are all shown. */
function ChangeFigures({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const { legend, charts, leftOut } = reportChangeCharts(table, translator(t));
  return (
    <div className="report-change">
      <ChartSvg model={legend} className="chart cohort-change-legend" />
      <ul className="cohort-change-charts">
        {charts.map(({ domain, chart }) => (
          <li key={domain}>
            <h4>{domain}</h4>
            <ChartSvg model={chart} />
          </li>
        ))}
      </ul>
      {leftOut.length > 0 ? (
        <p className="field-hint">{t('reports.screen.programme.changeLeftOut', { domains: leftOut.join(', ') })}</p>
      ) : null}
    </div>
  );
}
