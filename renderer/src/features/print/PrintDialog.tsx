import { useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { fieldErrorsFromIssues, type FieldErrors } from '../../api/validate';
import { QueryState } from '../../components/QueryState';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { PrintDialogFrame, PrintOutputButtons } from './PrintDialogFrame';
import { PrintOptions } from './PrintOptions';
import { PrintPreview } from './PrintPreview';
import { printSectionsQuery } from './queries';
import { printRequestOf, type PrintChoices, type PrintRequest } from './printRequest';
import { interfaceLocale, usePrintOutput } from './usePrintOutput';

interface PrintDialogProps {
  participantId: string;
  pseudonym: string;
  onClose: () => void;
}

/**
 * Printing a case summary, in a modal dialog: the choices, then a preview of exactly what will print, then Save as
 * PDF or Print. Any change of the choices takes the preview away until it is shown again, so what is saved or
 * printed is always what was previewed. Escape or Close ends it.
 */
export function PrintDialog({ participantId, pseudonym, onClose }: PrintDialogProps) {
  const { t, i18n } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const sectionsQuery = useQuery(printSectionsQuery());
  const sections = sectionsQuery.data?.sections ?? null;
  const [chosen, setChoices] = useState<PrintChoices>(() => ({
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
  const output = usePrintOutput();
  const { action, setStatus } = output;
  useFocusFirstInvalid(form, attempt);

  // Only sections the reader's role is offered can stay chosen.
  const choices: PrintChoices = sections
    ? { ...chosen, sections: chosen.sections.filter((id) => sections.some((s) => s.id === id)) }
    : chosen;

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

  return (
    <PrintDialogFrame title={t('print.title', { pseudonym })} onClose={onClose} failure={action.failure} status={output.status}>
      <form ref={form} className="print-choices" onSubmit={showPreview} noValidate aria-busy={action.busy}>
        <p className="field-hint">{t('print.intro')}</p>
        <QueryState query={sectionsQuery} loading={t('print.sections.loading')}>
          {({ sections: offered }) => <PrintOptions sections={offered} choices={choices} errors={errors} onChange={change} />}
        </QueryState>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={action.busy || sections === null || undefined}>
            {t('print.preview.show')}
          </button>
        </div>
      </form>
      <section className="print-preview" aria-label={t('print.preview.heading')}>
        <PrintPreview html={preview?.html ?? null} stale={stale} />
        {preview ? (
          <PrintOutputButtons
            busy={action.busy}
            onPdf={() => void output.savePdf('print.pdf', preview.request)}
            onPrint={() => void output.print('print.print', preview.request)}
          />
        ) : null}
      </section>
    </PrintDialogFrame>
  );
}
