import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';

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
      <RecoveryCodeSheet
        code={code}
        printTitle={t('recoveryCode.printTitle')}
        printInstruction={t('recoveryCode.printInstruction')}
        adviceStore={t('recoveryCode.adviceStore')}
        onWritten={onWritten}
      />
    </Screen>
  );
}
