import { useState } from 'react';
import type { InputOf } from '@shared/api';
import { LOCALES, type Locale } from '@shared/locales';
import { useChannelAction } from '../../components/useChannelAction';

/** A line under the dialog: a key under `print.*` and its values. */
export type PrintStatus = { key: string; values?: Record<string, string> } | null;

/** The channels that save a previewed document as a PDF, and those that send it to the printer. */
export type PdfChannel = 'print.pdf' | 'schedule.pdf' | 'referrals.letterPdf' | 'plans.printPdf';
export type PrinterChannel = 'print.print' | 'schedule.print' | 'referrals.letterPrint' | 'plans.print';
type PdfOutcome = { status: 'cancelled' } | { status: 'saved'; fileName: string };
type PrinterOutcome = { status: 'cancelled' } | { status: 'printed' };

/** The language a printout starts in: the interface's, or Finnish if that is not one of the app's. */
export function interfaceLocale(language: string): Locale {
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'fi';
}

/**
 * Saving a previewed document as PDF or sending it to the printer, with the progress line each shows: one call at a
 * time, and a refusal replaces the progress line (the general message then says what went wrong).
 */
export function usePrintOutput() {
  const action = useChannelAction();
  const [status, setStatus] = useState<PrintStatus>(null);

  function clearStatus(): boolean {
    setStatus(null);
    return false;
  }

  async function savePdf<C extends PdfChannel>(channel: C, request: InputOf<C>): Promise<void> {
    setStatus({ key: 'print.pdf.working' });
    await action.run(
      channel,
      request,
      (value) => {
        const outcome = value as PdfOutcome;
        setStatus(
          outcome.status === 'saved'
            ? { key: 'print.pdf.saved', values: { fileName: outcome.fileName } }
            : { key: 'print.pdf.cancelled' },
        );
      },
      clearStatus,
    );
  }

  async function print<C extends PrinterChannel>(channel: C, request: InputOf<C>): Promise<void> {
    setStatus({ key: 'print.printer.working' });
    await action.run(
      channel,
      request,
      (value) =>
        setStatus({ key: (value as PrinterOutcome).status === 'printed' ? 'print.printer.printed' : 'print.printer.cancelled' }),
      clearStatus,
    );
  }

  return { action, status, setStatus, savePdf, print };
}
