import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES } from '@shared/settings';
import { NumberSettingSection } from './NumberSettingSection';

/**
 * How many idle minutes before Polku locks itself; only the coordinator may change it. The intro also says when the
 * system's sleep and screen lock lock Polku, and that on Linux a locked screen is seen only where the desktop says so.
 */
export function AutoLockSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <NumberSettingSection
      setting="autoLockMinutes"
      range={AUTO_LOCK_MINUTES}
      canEdit={canEdit}
      texts={{
        title: t('settings.autoLock.title'),
        intro: t('settings.autoLock.intro'),
        note: t('settings.autoLock.systemLock'),
        field: t('settings.autoLock.field'),
        hint: t('settings.autoLock.hint', { min: AUTO_LOCK_MINUTES.min, max: AUTO_LOCK_MINUTES.max }),
        submit: t('settings.autoLock.submit'),
        saved: (count) => t('settings.autoLock.saved', { count }),
        readOnly: (count) => t('settings.autoLock.readOnly', { count }),
      }}
    />
  );
}
