import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/api';
import { LOCALES, type Locale } from '@shared/locales';
import { QueryFailure } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { PrintDialogFrame, PrintOutputButtons } from '../print/PrintDialogFrame';
import { PrintPreview } from '../print/PrintPreview';
import { interfaceLocale, usePrintOutput } from '../print/usePrintOutput';
import { schedulePreviewQuery } from './queries';
import { inSentence, weekDates } from './weeks';

interface ScheduleDialogProps {
  cohortId: string;
  weekStart: string;
  /** The programme week's name, "Viikko 6 / 10". */
  weekLabel: string;
  onClose: () => void;
}

type Request = InputOf<'schedule.preview'>;

/**
 * Printing a cohort's week schedule for the participants, in a modal dialog: the language of the paper, the
 * preview of exactly what will print (shown again for each language), then Save as PDF or Print.
 */
export function ScheduleDialog({ cohortId, weekStart, weekLabel, onClose }: ScheduleDialogProps) {
  const { t, i18n } = useTranslation();
  const [locale, setLocale] = useState<Locale>(() => interfaceLocale(i18n.language));
  const output = usePrintOutput();
  const request: Request = { cohortId, weekStart, locale };
  // Keyed by the request: what is shown is always the preview of the language chosen, never another one's.
  const query = useQuery(schedulePreviewQuery(request));
  const preview = query.data ? { html: query.data.html, request } : null;

  return (
    <PrintDialogFrame
      title={t('week.print.title', { week: inSentence(weekLabel), dates: weekDates(i18n.language, weekStart) })}
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
        <QueryFailure query={query} />
        {preview === null && !query.error ? (
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
