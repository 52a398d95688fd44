import { useTranslation } from 'react-i18next';
import { reportBarsChart } from '@shared/charts/report-bars';
import { ChartSvg } from '../../components/ChartSvg';
import { FunderReportView } from './FunderReportView';
import { ReportExports } from './ReportExports';
import { ReportPanel } from './ReportPanel';
import { translator } from './reportText';

/** The funder report: its form, then the tables with their bars and the ways to save it. */
export function FunderReportPanel() {
  const { t } = useTranslation();
  return (
    <ReportPanel channel="reports.funder" title={t('reports.screen.form.title')}>
      {(report, input) => (
        <FunderReportView
          report={report}
          toolbar={<ReportExports request={input} />}
          figureOf={(table) => <ChartSvg className="chart report-bars" model={reportBarsChart(table, translator(t))} />}
        />
      )}
    </ReportPanel>
  );
}
