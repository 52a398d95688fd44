import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { LOCALES, type Locale } from '@shared/locales';
import { QueryFailure } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { PrintDialogFrame, PrintOutputButtons } from './PrintDialogFrame';
import { PrintPreview } from './PrintPreview';
import { documentPreviewQuery } from './queries';
import { interfaceLocale, usePrintOutput, type PdfChannel, type PrinterChannel } from './usePrintOutput';

/** A document printed in a language chosen for it: its three channels take the same request. */
type PreviewChannel = 'schedule.preview' | 'referrals.letterPreview' | 'plans.printPreview';

/** The channels of one such document; the request is the same for all three, the locale included. */
export interface LanguageDocument<P extends PreviewChannel> {
  preview: P;
  pdf: PdfChannel;
  print: PrinterChannel;
  /** The request without its locale; the dialog adds the language chosen. */
  request: Omit<InputOf<P>, 'locale'>;
}

interface LanguagePrintDialogProps<P extends PreviewChannel> {
  document: LanguageDocument<P>;
  title: string;
  intro: string;
  /** The language field's label: "Language of the letter". */
  localeLabel: string;
  /** The preview frame's accessible name. */
  frameTitle: string;
  /** A sentence that fits this document better than the general one, by error code (an i18n key). */
  instead?: Partial<Record<Failure['code'], string>>;
  onClose: () => void;
}

/**
 * Printing a document in the language chosen for it, in a modal dialog: the language of the paper, the preview of
 * exactly what will print (shown again for each language), then Save as PDF or Print. A refusal of the preview
 * (the main side decides whether the document may be made) is shown in its place, and no buttons with it.
 * The week schedule, the referral letter and the plan printed for the participant are made here.
 */
export function LanguagePrintDialog<P extends PreviewChannel>({
  document,
  title,
  intro,
  localeLabel,
  frameTitle,
  instead,
  onClose,
}: LanguagePrintDialogProps<P>) {
  const { t, i18n } = useTranslation();
  const [locale, setLocale] = useState<Locale>(() => interfaceLocale(i18n.language));
  const output = usePrintOutput();
  const request = { ...document.request, locale } as InputOf<P>;
  // Keyed by the request: what is shown is always the preview of the language chosen, never another one's.
  const query = useQuery(documentPreviewQuery(document.preview, request));
  const html = query.data ? (query.data as { html: string }).html : null;

  return (
    <PrintDialogFrame title={title} onClose={onClose} failure={output.action.failure} status={output.status} instead={instead}>
      <div className="print-choices">
        <p className="field-hint">{intro}</p>
        <SelectField
          label={localeLabel}
          value={locale}
          options={LOCALES.map((code) => ({ value: code, label: t(`language.names.${code}`) }))}
          onChange={(event) => {
            output.setStatus(null);
            setLocale(event.target.value as Locale);
          }}
        />
      </div>
      <section className="print-preview" aria-label={t('print.preview.heading')}>
        <QueryFailure query={query} instead={instead} />
        {html === null && !query.error ? (
          <p className="field-hint" role="status">
            {t('print.preview.working')}
          </p>
        ) : null}
        {html !== null ? <PrintPreview html={html} stale={false} title={frameTitle} /> : null}
        {html !== null ? (
          <PrintOutputButtons
            busy={output.action.busy}
            // The three channels of a document take the same request (LanguageDocument); the compiler cannot tie
            // a preview channel to its output channels, so the request is passed as the output channel's own.
            onPdf={() => void output.savePdf(document.pdf, request as never)}
            onPrint={() => void output.print(document.print, request as never)}
          />
        ) : null}
      </section>
    </PrintDialogFrame>
  );
}
