import { useTranslation } from 'react-i18next';

import { LanguageChooser } from '../../components/LanguageChooser';
import { StatusMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import { useCan } from '../../shell/session';
import type { RecoveryReason } from '../vault/RecoveryCodeScreen';
import { BackupSection } from '../backup/BackupSection';
import { AutoLockSection } from './AutoLockSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { RecoveryCodeSection } from './RecoveryCodeSection';
import { RotateKeySection } from './RotateKeySection';
import { VerifySection } from './VerifySection';
import { OrganisationSection } from './OrganisationSection';
import { RetentionSection } from '../retention/RetentionSection';
import { AttendanceSettingsSection } from '../attendance/AttendanceSettingsSection';

/** What the settings page says when it is reached after confirming a new recovery code. */
export type SettingsNotice = 'renewed' | 'rotated';

interface SettingsScreenProps {
  notice: SettingsNotice | null;
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
}

/** Language, auto-lock and one's own passphrase for everyone; the vault's keys and checks for the coordinator. */
export function SettingsScreen({ notice, onRecoveryCode }: SettingsScreenProps) {
  const { t } = useTranslation();
  const admin = useCan('vault.admin');
  const writesSettings = useCan('settings.write');
  const readsAttendance = useCan('attendance.read');
  return (
    <Screen name="settings" title={t('settings.title')}>
      <StatusMessage tone="success">{notice ? t(`settings.notices.${notice}`) : null}</StatusMessage>
      <Section title={t('settings.language.title')}>
        <p>{t('settings.language.intro')}</p>
        <LanguageChooser labelHidden />
      </Section>
      <AutoLockSection canEdit={writesSettings} />
      <RetentionSection canEdit={writesSettings} />
      {readsAttendance ? <AttendanceSettingsSection canEdit={writesSettings} /> : null}
      <OrganisationSection />
      <ChangePassphraseSection />
      {admin ? (
        <>
          <RecoveryCodeSection onRecoveryCode={(code) => onRecoveryCode(code, 'renewed')} />
          <RotateKeySection onRecoveryCode={(code) => onRecoveryCode(code, 'rotated')} />
          <VerifySection />
          <BackupSection />
        </>
      ) : null}
    </Screen>
  );
}
