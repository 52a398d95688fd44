import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { LOCALES, type Locale } from '@shared/locales';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { PrintDialogFrame, PrintOutputButtons } from '../print/PrintDialogFrame';
import { PrintPreview } from '../print/PrintPreview';
import { interfaceLocale, usePrintOutput } from '../print/usePrintOutput';
import { weekTitle } from './weekDates';

interface ScheduleDialogProps {
  cohortId: string;
  weekStart: string;
  onClose: () => void;
}

type Request = InputOf<'schedule.preview'>;

/**
 * Printing a cohort's week schedule for the participants, in a modal dialog: the language of the paper, the
 * preview of exactly what will print (shown again for each language), then Save as PDF or Print.
 */
export function ScheduleDialog({ cohortId, weekStart, onClose }: ScheduleDialogProps) {
  const { t, i18n } = useTranslation();
  const [locale, setLocale] = useState<Locale>(() => interfaceLocale(i18n.language));
  const [loaded, setLoaded] = useState<{ request: Request; html: string | null; failure: Failure | null } | null>(null);
  const output = usePrintOutput();

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

  return (
    <PrintDialogFrame
      title={t('week.print.title', weekTitle(i18n.language, weekStart))}
      onClose={onClose}
      failure={output.action.failure}
      status={output.status}
    >
      <div className="print-choices">
        <p className="field-hint">{t('week.print.intro')}</p>
        <SelectField
          label={t('week.print.locale')}
          value={locale}
          options={LOCALES.map((code) => ({ value: code, label: t(`language.names.${code}`) }))}
          onChange={(event) => {
            output.setStatus(null);
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
          <PrintOutputButtons
            busy={output.action.busy}
            onPdf={() => void output.savePdf('schedule.pdf', preview.request)}
            onPrint={() => void output.print('schedule.print', preview.request)}
          />
        ) : null}
      </section>
    </PrintDialogFrame>
  );
}
