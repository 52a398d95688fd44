import { useTranslation } from 'react-i18next';
import { RecoveryCodeView } from '../../components/RecoveryCodeView';
import { Screen } from '../../components/Screen';
import { formatDate } from '../../i18n/format';

interface PrivateKeyCodeScreenProps {
  code: string;
  onWritten: () => void;
}

/**
 * Shows the psychologists' recovery code once, after the unlock that made it (or after a new one is made in
 * Settings): what it opens, how to keep it, and that without it and every psychologist's passphrase the private
 * notes are lost for good. The printout holds only the code and the instruction.
 */
export function PrivateKeyCodeScreen({ code, onWritten }: PrivateKeyCodeScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen name="private-key-code" title={t('privateKey.code.title')}>
      <p className="lead">{t('privateKey.code.intro')}</p>
      <p className="notice notice-warning">{t('privateKey.code.lost')}</p>
      <div className="print-sheet">
        <p className="print-only print-title">{t('privateKey.code.title')}</p>
        <RecoveryCodeView code={code} />
        <p className="print-only">{t('privateKey.code.printInstruction')}</p>
        <p className="print-only print-date">{t('recoveryCode.printDate', { date: formatDate(new Date()) })}</p>
      </div>
      <ul className="advice">
        <li>{t('recoveryCode.adviceWrite')}</li>
        <li>{t('privateKey.code.adviceStore')}</li>
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
    </Screen>
  );
}
