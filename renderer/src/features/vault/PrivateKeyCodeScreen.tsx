import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';

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
      <RecoveryCodeSheet
        code={code}
        printTitle={t('privateKey.code.title')}
        printInstruction={t('privateKey.code.printInstruction')}
        adviceStore={t('privateKey.code.adviceStore')}
        onWritten={onWritten}
      />
    </Screen>
  );
}
