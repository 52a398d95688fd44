import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { LOCALES, type Locale } from '@shared/locales';
import type { PrintSectionOption } from '@shared/print';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, type FieldErrors } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useChannelAction } from '../../components/useChannelAction';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { PrintOptions } from './PrintOptions';
import { PrintPreview } from './PrintPreview';
import { printRequestOf, type PrintChoices, type PrintRequest } from './printRequest';
import './print.css';

interface PrintDialogProps {
  participantId: string;
  pseudonym: string;
  onClose: () => void;
}

type Status = { key: string; values?: Record<string, string> } | null;

function interfaceLocale(language: string): Locale {
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'fi';
}

/**
 * Printing a case summary, in a modal dialog: the choices, then a preview of exactly what will print, then Save as
 * PDF or Print. Any change of the choices takes the preview away until it is shown again, so what is saved or
 * printed is always what was previewed. Escape or Close ends it.
 */
export function PrintDialog({ participantId, pseudonym, onClose }: PrintDialogProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [sections, setSections] = useState<PrintSectionOption[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [choices, setChoices] = useState<PrintChoices>(() => ({
    sections: ['basic'],
    notesFrom: '',
    notesTo: '',
    pseudonymOnly: false,
    locale: interfaceLocale(i18n.language),
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [preview, setPreview] = useState<{ html: string; request: PrintRequest } | null>(null);
  const [stale, setStale] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const action = useChannelAction();
  useFocusFirstInvalid(form, attempt);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    heading.current?.focus();
    return () => element?.close();
  }, []);

  useEffect(() => {
    let live = true;
    void invoke('print.sections', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadFailure(result);
      setSections(result.value.sections);
      const offered = new Set(result.value.sections.map((s) => s.id));
      setChoices((current) => ({ ...current, sections: current.sections.filter((id) => offered.has(id)) }));
    });
    return () => {
      live = false;
    };
  }, []);

  function change(next: PrintChoices) {
    setChoices(next);
    setErrors({});
    setStatus(null);
    if (preview) setStale(true);
    setPreview(null);
  }

  /** A refusal at a field (dates, sections) is shown there; anything else as the general message. */
  function atFields(failure: Failure): boolean {
    if (failure.code !== 'invalid_input') return false;
    setErrors(fieldErrorsFromIssues(failure.details?.issues));
    setAttempt((n) => n + 1);
    return true;
  }

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    if (!sections) return;
    const dated = new Set(sections.filter((s) => s.dated).map((s) => s.id));
    const built = printRequestOf(participantId, choices, dated);
    if (!built.ok) {
      setErrors(built.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setStatus({ key: 'print.preview.working' });
    await action.run(
      'print.preview',
      built.request,
      (value) => {
        setPreview({ html: value.html, request: built.request });
        setStale(false);
        setStatus({ key: 'print.preview.ready' });
      },
      (failure) => {
        setStatus(null);
        return atFields(failure);
      },
    );
  }

  /** A refusal replaces the progress line; the general message says what went wrong. */
  function clearStatus(): boolean {
    setStatus(null);
    return false;
  }

  async function savePdf() {
    if (!preview) return;
    setStatus({ key: 'print.pdf.working' });
    await action.run(
      'print.pdf',
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
      'print.print',
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
          {t('print.title', { pseudonym })}
        </h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <div className="print-dialog-body">
        <form ref={form} className="print-choices" onSubmit={showPreview} noValidate aria-busy={action.busy}>
          <p className="field-hint">{t('print.intro')}</p>
          <ErrorMessage failure={loadFailure} />
          {sections === null ? (
            loadFailure ? null : (
              <p role="status">{t('print.sections.loading')}</p>
            )
          ) : (
            <PrintOptions sections={sections} choices={choices} errors={errors} onChange={change} />
          )}
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={action.busy || sections === null || undefined}>
              {t('print.preview.show')}
            </button>
          </div>
        </form>
        <section className="print-preview" aria-label={t('print.preview.heading')}>
          <PrintPreview html={preview?.html ?? null} stale={stale} />
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
