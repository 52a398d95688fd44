import { useTranslation } from 'react-i18next';
import { REPORT_THRESHOLD } from '@shared/reports';
import { NumberSettingSection } from '../settings/NumberSettingSection';

/** The smallest count the reports show as a number; only the coordinator may change it. */
export function ReportSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <NumberSettingSection
      setting="reportThreshold"
      range={REPORT_THRESHOLD}
      canEdit={canEdit}
      texts={{
        title: t('reports.settings.title'),
        intro: t('reports.settings.intro'),
        field: t('reports.settings.field'),
        hint: t('reports.settings.hint', { min: REPORT_THRESHOLD.min, max: REPORT_THRESHOLD.max }),
        submit: t('reports.settings.submit'),
        saved: (value) => t('reports.settings.saved', { value, below: value - 1 }),
        readOnly: (value) => t('reports.settings.readOnly', { value, below: value - 1 }),
      }}
    />
  );
}
