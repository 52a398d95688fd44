import { useTranslation } from 'react-i18next';
import { RecoveryCodeView } from '../../components/RecoveryCodeView';
import { formatDate } from '../../i18n/format';

interface RecoveryCodeSheetProps {
  code: string;
  /** The printout's title and instruction, and where the paper is kept: what differs between the codes. */
  printTitle: string;
  printInstruction: string;
  adviceStore: string;
  onWritten: () => void;
}

/**
 * A code shown once (the vault's recovery code, the psychologists' recovery code): the code, the printed sheet that
 * holds only the code, its instruction and the day, how to keep it, and the buttons to confirm and to print.
 */
export function RecoveryCodeSheet({ code, printTitle, printInstruction, adviceStore, onWritten }: RecoveryCodeSheetProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="print-sheet">
        <p className="print-only print-title">{printTitle}</p>
        <RecoveryCodeView code={code} />
        <p className="print-only">{printInstruction}</p>
        <p className="print-only print-date">{t('recoveryCode.printDate', { date: formatDate(new Date()) })}</p>
      </div>
      <ul className="advice">
        <li>{t('recoveryCode.adviceWrite')}</li>
        <li>{adviceStore}</li>
        <li>{t('recoveryCode.adviceOnce')}</li>
      </ul>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onWritten}>
          {t('recoveryCode.written')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('recoveryCode.print')}
        </button>
      </div>
    </>
  );
}
