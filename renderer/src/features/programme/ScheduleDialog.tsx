import { useTranslation } from 'react-i18next';
import { LanguagePrintDialog } from '../print/LanguagePrintDialog';
import { inSentence, weekDates } from './weeks';

interface ScheduleDialogProps {
  cohortId: string;
  weekStart: string;
  /** The programme week's name, "Viikko 6 / 10". */
  weekLabel: string;
  onClose: () => void;
}

/**
 * Printing a cohort's week schedule for the participants, in a modal dialog: the language of the paper, the
 * preview of exactly what will print (shown again for each language), then Save as PDF or Print.
 */
export function ScheduleDialog({ cohortId, weekStart, weekLabel, onClose }: ScheduleDialogProps) {
  const { t, i18n } = useTranslation();
  return (
    <LanguagePrintDialog
      document={{
        preview: 'schedule.preview',
        pdf: 'schedule.pdf',
        print: 'schedule.print',
        request: { cohortId, weekStart },
      }}
      title={t('week.print.title', { week: inSentence(weekLabel), dates: weekDates(i18n.language, weekStart) })}
      intro={t('week.print.intro')}
      localeLabel={t('week.print.locale')}
      frameTitle={t('week.print.frame')}
      onClose={onClose}
    />
  );
}
