import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import { roleHolds } from '@shared/roles';
import { LanguageChooser } from '../../components/LanguageChooser';
import { StatusMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import type { RecoveryReason } from '../vault/RecoveryCodeScreen';
import { BackupSection } from '../backup/BackupSection';
import { AutoLockSection } from './AutoLockSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { RecoveryCodeSection } from './RecoveryCodeSection';
import { RotateKeySection } from './RotateKeySection';
import { VerifySection } from './VerifySection';
import { RetentionSection } from '../retention/RetentionSection';
import { AttendanceSettingsSection } from '../attendance/AttendanceSettingsSection';

/** What the settings page says when it is reached after confirming a new recovery code. */
export type SettingsNotice = 'renewed' | 'rotated';

interface SettingsScreenProps {
  session: SessionInfo;
  notice: SettingsNotice | null;
  onSession: (session: SessionInfo) => void;
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
}

/** Language, auto-lock and one's own passphrase for everyone; the vault's keys and checks for the coordinator. */
export function SettingsScreen({ session, notice, onSession, onRecoveryCode }: SettingsScreenProps) {
  const { t } = useTranslation();
  const admin = roleHolds(session.role, 'vault.admin');
  return (
    <Screen name="settings" title={t('settings.title')}>
      <StatusMessage tone="success">{notice ? t(`settings.notices.${notice}`) : null}</StatusMessage>
      <Section title={t('settings.language.title')}>
        <p>{t('settings.language.intro')}</p>
        <LanguageChooser labelHidden />
      </Section>
      <AutoLockSection canEdit={roleHolds(session.role, 'settings.write')} />
      <RetentionSection canEdit={roleHolds(session.role, 'settings.write')} />
      {roleHolds(session.role, 'attendance.read') ? (
        <AttendanceSettingsSection canEdit={roleHolds(session.role, 'settings.write')} />
      ) : null}
      <ChangePassphraseSection session={session} onSession={onSession} />
      {admin ? (
        <>
          <RecoveryCodeSection session={session} onRecoveryCode={(code) => onRecoveryCode(code, 'renewed')} />
          <RotateKeySection onRecoveryCode={(code) => onRecoveryCode(code, 'rotated')} />
          <VerifySection />
          <BackupSection />
        </>
      ) : null}
    </Screen>
  );
}
