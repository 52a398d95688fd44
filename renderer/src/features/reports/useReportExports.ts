import { useState } from 'react';
import type { InputOf } from '@shared/api';
import { useChannelAction } from '../../components/useChannelAction';

/** The channels that save a report where the user chooses. */
export type ReportExportChannel =
  | 'reports.exportFunderPdf'
  | 'reports.exportFunderCsv'
  | 'reports.exportProgrammePdf'
  | 'reports.exportProgrammeCsv';

/** Which report is saved: its PDF and CSV channels. */
const CHANNELS = {
  funder: { pdf: 'reports.exportFunderPdf', csv: 'reports.exportFunderCsv' },
  programme: { pdf: 'reports.exportProgrammePdf', csv: 'reports.exportProgrammeCsv' },
} as const;

/** The line beside the export buttons: a key under `reports.export.*` and its values. */
export type ReportExportStatus =
  | { key: 'reports.export.working' | 'reports.export.cancelled' }
  | { key: 'reports.export.saved'; values: { fileName: string } }
  | null;

/**
 * Saving a report (the funder's, or the programme's) as a PDF (`savePdf`) or as CSV (`saveCsv`) for the period on screen: one call at a time,
 * the main side counts the report again and asks where to save. `action.failure` holds a refusal (a full disk, a
 * folder that cannot be written) for FormActions or an alert to show; `status` is the progress line. The buttons'
 * names are `reports.export.pdf` and `reports.export.csv`.
 */
export function useReportExports(report: keyof typeof CHANNELS = 'funder') {
  const action = useChannelAction();
  const [status, setStatus] = useState<ReportExportStatus>(null);

  async function save(channel: ReportExportChannel, request: InputOf<ReportExportChannel>): Promise<void> {
    setStatus({ key: 'reports.export.working' });
    await action.run(
      channel,
      request,
      (outcome) =>
        setStatus(
          outcome.status === 'saved'
            ? { key: 'reports.export.saved', values: { fileName: outcome.fileName } }
            : { key: 'reports.export.cancelled' },
        ),
      () => {
        setStatus(null);
        return false;
      },
    );
  }

  return {
    action,
    status,
    savePdf: (request: InputOf<ReportExportChannel>) => save(CHANNELS[report].pdf, request),
    saveCsv: (request: InputOf<ReportExportChannel>) => save(CHANNELS[report].csv, request),
  };
}
