import { useTranslation } from 'react-i18next';
import { ATTENDANCE_THRESHOLD } from '@shared/attendance';
import { NumberSettingSection } from '../settings/NumberSettingSection';

/** The attendance share under which participants are flagged; only the coordinator may change it. */
export function AttendanceSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <NumberSettingSection
      setting="attendanceThreshold"
      range={ATTENDANCE_THRESHOLD}
      canEdit={canEdit}
      texts={{
        title: t('attendance.settings.title'),
        intro: t('attendance.settings.intro'),
        field: t('attendance.settings.field'),
        hint: t('attendance.settings.hint', { min: ATTENDANCE_THRESHOLD.min, max: ATTENDANCE_THRESHOLD.max }),
        submit: t('attendance.settings.submit'),
        saved: (value) => t('attendance.settings.saved', { value }),
        readOnly: (value) => t('attendance.settings.readOnly', { value }),
      }}
    />
  );
}
