import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { translateKey } from '../../i18n/keys';
import { useReportExports } from './useReportExports';

/**
 * Saving the report on screen (the funder's or the programme's), for the same period, group and language: as a PDF, or its aggregate rows as
 * CSV. The main side counts it again and asks where to save; the line beside the buttons says how it went.
 */
export function ReportExports({
  request,
  report = 'funder',
}: {
  request: InputOf<'reports.exportFunderPdf'>;
  report?: 'funder' | 'programme';
}) {
  const { t } = useTranslation();
  const { action, status, savePdf, saveCsv } = useReportExports(report);
  return (
    <div className="report-exports">
      <div className="report-export-buttons">
        <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => void savePdf(request)}>
          {t(report === 'funder' ? 'reports.export.pdf' : 'reports.export.programmePdf')}
        </button>
        <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => void saveCsv(request)}>
          {t(report === 'funder' ? 'reports.export.csv' : 'reports.export.programmeCsv')}
        </button>
      </div>
      <p role="status" className="report-export-status">
        {status ? translateKey(t, status.key, 'values' in status ? status.values : {}) : null}
      </p>
      <ErrorMessage failure={action.failure} />
    </div>
  );
}
