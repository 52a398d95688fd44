import { useTranslation } from 'react-i18next';
import { LanguagePrintDialog } from './LanguagePrintDialog';

interface ReferralLetterDialogProps {
  referralId: string;
  /** The receiving partner's name, for the dialog's title. */
  partnerName: string;
  onClose: () => void;
}

/**
 * The referral letter, in a modal dialog: the letter's language (chosen for the receiver, not the interface's),
 * the preview of exactly what will leave, then Save as PDF or Print. A letter the main side refuses (the referral
 * is not sent, or partner sharing no longer stands) shows the reason instead of a preview. Placed by a screen that
 * shows a referral, for users who may send referrals (`referrals.write`).
 */
export function ReferralLetterDialog({ referralId, partnerName, onClose }: ReferralLetterDialogProps) {
  const { t } = useTranslation();
  return (
    <LanguagePrintDialog
      document={{
        preview: 'referrals.letterPreview',
        pdf: 'referrals.letterPdf',
        print: 'referrals.letterPrint',
        request: { id: referralId },
      }}
      title={t('referrals.letter.title', { partner: partnerName })}
      intro={t('referrals.letter.intro')}
      localeLabel={t('referrals.letter.locale')}
      frameTitle={t('referrals.letter.frame')}
      instead={{
        consent_required: 'referrals.letter.refused.consent',
        invalid_transition: 'referrals.letter.refused.notSent',
      }}
      onClose={onClose}
    />
  );
}
