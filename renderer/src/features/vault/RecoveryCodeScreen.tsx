import { useTranslation } from 'react-i18next';
import { RecoveryCodeView } from '../../components/RecoveryCodeView';
import { Screen } from '../../components/Screen';
import { formatDate } from '../../i18n/format';

/** Why a recovery code is being shown: first run, a new code, a new master key, or an unconfirmed code. */
export type RecoveryReason = 'setup' | 'renewed' | 'rotated' | 'pending';

interface RecoveryCodeScreenProps {
  code: string;
  reason: RecoveryReason;
  onWritten: () => void;
}

/** Shows the recovery code once, with how to keep it; the printout holds only the code and the instruction. */
export function RecoveryCodeScreen({ code, reason, onWritten }: RecoveryCodeScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen name="recovery-code" title={t('recoveryCode.title')}>
      {reason === 'renewed' || reason === 'rotated' || reason === 'pending' ? (
        <p className="notice notice-info">
          {t(reason === 'rotated' ? 'recoveryCode.rotatedNotice' : 'recoveryCode.replacedNotice')}
        </p>
      ) : null}
      <p className="lead">{t('recoveryCode.intro')}</p>
      <div className="print-sheet">
        <p className="print-only print-title">{t('recoveryCode.printTitle')}</p>
        <RecoveryCodeView code={code} />
        <p className="print-only">{t('recoveryCode.printInstruction')}</p>
        <p className="print-only print-date">{t('recoveryCode.printDate', { date: formatDate(new Date()) })}</p>
      </div>
      <ul className="advice">
        <li>{t('recoveryCode.adviceWrite')}</li>
        <li>{t('recoveryCode.adviceStore')}</li>
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
