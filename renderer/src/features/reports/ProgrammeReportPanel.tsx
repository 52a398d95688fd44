import { useTranslation } from 'react-i18next';
import { ProgrammeReportView } from './ProgrammeReportView';
import { ReportExports } from './ReportExports';
import { ReportPanel } from './ReportPanel';

/** The programme report: the same form as every report, then the groups' figures and the whole's. */
export function ProgrammeReportPanel() {
  const { t } = useTranslation();
  return (
    <ReportPanel channel="reports.programme" title={t('reports.screen.programme.formTitle')}>
      {(report, input) => <ProgrammeReportView report={report} toolbar={<ReportExports request={input} report="programme" />} />}
    </ReportPanel>
  );
}
