import { useTranslation } from 'react-i18next';
import { LanguagePrintDialog } from './LanguagePrintDialog';

interface PlanPrintDialogProps {
  participantId: string;
  /** The participant's code, for the dialog's title. */
  pseudonym: string;
  onClose: () => void;
}

/**
 * The career and study plan printed for the participant, in a modal dialog: the language the participant reads
 * best, the preview of exactly what will print, then Save as PDF or Print. Placed by the plan tab, for readers of
 * plans (`plans.read`).
 */
export function PlanPrintDialog({ participantId, pseudonym, onClose }: PlanPrintDialogProps) {
  const { t } = useTranslation();
  return (
    <LanguagePrintDialog
      document={{ preview: 'plans.printPreview', pdf: 'plans.printPdf', print: 'plans.print', request: { participantId } }}
      title={t('plans.printForParticipant.title', { pseudonym })}
      intro={t('plans.printForParticipant.intro')}
      localeLabel={t('plans.printForParticipant.locale')}
      frameTitle={t('plans.printForParticipant.frame')}
      onClose={onClose}
    />
  );
}
