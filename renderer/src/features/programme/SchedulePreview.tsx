import { useTranslation } from 'react-i18next';
import type { CalendarPreview } from './preview';
import { formatDayMonth, formatDayRange } from '../../i18n/format';

/** "38 sessions, 14 Jan – 25 Mar 2027; skipped: Ascension Day 14 May", updated as the form changes. */
export function SchedulePreview({ preview }: { preview: CalendarPreview | null }) {
  const { t } = useTranslation();
  let text: string;
  if (!preview) text = t('programme.new.previewIncomplete');
  else if (preview.sessions === 0 || !preview.first || !preview.last) text = t('programme.new.previewEmpty');
  else {
    text = t('programme.new.preview', {
      count: preview.sessions,
      // The range as every other range of days is written: "1.2.–8.4.2027", "15 Mar – 20 May 2027".
      dates: formatDayRange(preview.first, preview.last),
    });
    if (preview.skipped.length > 0)
      text += t('programme.new.previewSkipped', {
        days: preview.skipped.map((s) => `${t(`programme.holidays.${s.holiday}`)} ${formatDayMonth(s.date)}`).join(', '),
      });
  }
  return (
    <div className="programme-preview">
      <h3>{t('programme.new.previewTitle')}</h3>
      <p role="status" className="programme-preview-text">
        {text}
      </p>
    </div>
  );
}
