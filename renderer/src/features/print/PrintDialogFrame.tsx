import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import type { PrintStatus } from './usePrintOutput';
import './print.css';
import { translateKey } from '../../i18n/keys';

interface PrintDialogFrameProps {
  title: string;
  onClose: () => void;
  /** The refusal of the last save or print, if any. */
  failure: Failure | null;
  status: PrintStatus;
  /** A sentence that fits this document better than the general one, by error code (an i18n key). */
  instead?: Partial<Record<Failure['code'], string>>;
  /** The choices and the preview, side by side. */
  children: ReactNode;
}

/**
 * The modal dialog every printout is made in: opened with focus on its heading, closed by Close or Escape, with the
 * refusal or progress of the last save or print read out under it.
 */
export function PrintDialogFrame({ title, onClose, failure, status, instead, children }: PrintDialogFrameProps) {
  const { t } = useTranslation();
  const { dialogProps, headingProps } = useModalDialog(onClose);

  return (
    <dialog {...dialogProps} className="print-dialog">
      <div className="print-dialog-header">
        <h2 {...headingProps}>{title}</h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <div className="print-dialog-body">{children}</div>
      <div className="print-dialog-messages">
        <ErrorMessage failure={failure} instead={instead} />
        <StatusMessage tone={status?.key === 'print.pdf.saved' || status?.key === 'print.printer.printed' ? 'success' : 'info'}>
          {status ? translateKey(t, status.key, status.values) : null}
        </StatusMessage>
      </div>
    </dialog>
  );
}

/** Save as PDF and Print, under a preview that is ready. */
export function PrintOutputButtons({ busy, onPdf, onPrint }: { busy: boolean; onPdf: () => void; onPrint: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={onPdf}>
        {t('print.pdf.save')}
      </button>
      <button type="button" className="button button-secondary" aria-disabled={busy || undefined} onClick={onPrint}>
        {t('print.printer.print')}
      </button>
    </div>
  );
}
