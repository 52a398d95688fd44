import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { LOCALES, type Locale } from '@shared/locales';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useChannelAction } from '../../components/useChannelAction';
import { PrintPreview } from '../print/PrintPreview';
import '../print/print.css';
import { weekTitle } from './weekDates';

interface ScheduleDialogProps {
  cohortId: string;
  weekStart: string;
  onClose: () => void;
}

type Request = InputOf<'schedule.preview'>;
type Status = { key: string; values?: Record<string, string> } | null;

function interfaceLocale(language: string): Locale {
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'fi';
}

/**
 * Printing a cohort's week schedule for the participants, in a modal dialog: the language of the paper, the
 * preview of exactly what will print (shown again for each language), then Save as PDF or Print.
 */
export function ScheduleDialog({ cohortId, weekStart, onClose }: ScheduleDialogProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [locale, setLocale] = useState<Locale>(() => interfaceLocale(i18n.language));
  const [loaded, setLoaded] = useState<{ request: Request; html: string | null; failure: Failure | null } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const action = useChannelAction();

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    heading.current?.focus();
    return () => element?.close();
  }, []);

  useEffect(() => {
    let live = true;
    const request: Request = { cohortId, weekStart, locale };
    void invoke('schedule.preview', request).then((result) => {
      if (live) setLoaded({ request, html: result.ok ? result.value.html : null, failure: result.ok ? null : result });
    });
    return () => {
      live = false;
    };
  }, [cohortId, weekStart, locale]);

  // What is shown is always the preview of the language chosen: an answer for another one is not shown.
  const current = loaded?.request.locale === locale ? loaded : null;
  const preview = current?.html ? { html: current.html, request: current.request } : null;
  const loadFailure = current?.failure ?? null;

  function clearStatus(): boolean {
    setStatus(null);
    return false;
  }

  async function savePdf() {
    if (!preview) return;
    setStatus({ key: 'print.pdf.working' });
    await action.run(
      'schedule.pdf',
      preview.request,
      (value) =>
        setStatus(
          value.status === 'saved'
            ? { key: 'print.pdf.saved', values: { fileName: value.fileName } }
            : { key: 'print.pdf.cancelled' },
        ),
      clearStatus,
    );
  }

  async function print() {
    if (!preview) return;
    setStatus({ key: 'print.printer.working' });
    await action.run(
      'schedule.print',
      preview.request,
      (value) => setStatus({ key: value.status === 'printed' ? 'print.printer.printed' : 'print.printer.cancelled' }),
      clearStatus,
    );
  }

  return (
    <dialog
      ref={dialog}
      className="print-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="print-dialog-header">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {t('week.print.title', weekTitle(i18n.language, weekStart))}
        </h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <div className="print-dialog-body">
        <div className="print-choices">
          <p className="field-hint">{t('week.print.intro')}</p>
          <SelectField
            label={t('week.print.locale')}
            value={locale}
            options={LOCALES.map((code) => ({ value: code, label: t(`language.names.${code}`) }))}
            onChange={(event) => {
              setStatus(null);
              setLocale(event.target.value as Locale);
            }}
          />
        </div>
        <section className="print-preview" aria-label={t('print.preview.heading')}>
          <ErrorMessage failure={loadFailure} />
          {preview === null && !loadFailure ? (
            <p className="field-hint" role="status">
              {t('print.preview.working')}
            </p>
          ) : null}
          {preview ? <PrintPreview html={preview.html} stale={false} title={t('week.print.frame')} /> : null}
          {preview ? (
            <div className="actions">
              <button type="button" className="button button-primary" aria-disabled={action.busy || undefined} onClick={savePdf}>
                {t('print.pdf.save')}
              </button>
              <button type="button" className="button button-secondary" aria-disabled={action.busy || undefined} onClick={print}>
                {t('print.printer.print')}
              </button>
            </div>
          ) : null}
        </section>
      </div>
      <div className="print-dialog-messages">
        <ErrorMessage failure={action.failure} />
        <StatusMessage tone={status?.key === 'print.pdf.saved' || status?.key === 'print.printer.printed' ? 'success' : 'info'}>
          {status ? t(status.key, status.values ?? {}) : null}
        </StatusMessage>
      </div>
    </dialog>
  );
}
