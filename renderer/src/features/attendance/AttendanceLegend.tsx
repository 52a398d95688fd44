import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_MARKS } from '@shared/attendance';
import { useMarkLetters } from './markLetters';

/**
 * What the marks in the grid mean and which keys set them, in the interface's language (the letters with the digits
 * 1–5 beside them, which are the same in every language); always visible, so nobody has to remember them.
 */
export const AttendanceLegend = memo(function AttendanceLegend({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const letters = useMarkLetters();
  return (
    <div className="attendance-legend">
      <h3>{t('attendance.legend.title')}</h3>
      <ul>
        {ATTENDANCE_MARKS.map((mark, index) => (
          <li key={mark}>
            <span className={`attendance-symbol attendance-mark-${mark}`} aria-hidden="true">
              {letters[mark]}
            </span>{' '}
            {t('attendance.legend.mark', {
              key: letters[mark],
              digit: index + 1,
              mark: t(`attendance.marks.${mark}`),
            })}
          </li>
        ))}
        <li>{t('attendance.legend.cancelled')}</li>
        <li>{t('attendance.legend.future')}</li>
      </ul>
      {canWrite ? (
        <ul>
          <li>{t('attendance.legend.move')}</li>
          <li>{t('attendance.legend.clear')}</li>
          <li>{t('attendance.legend.undo')}</li>
          <li>{t('attendance.legend.instant')}</li>
        </ul>
      ) : (
        <ul>
          <li>{t('attendance.legend.move')}</li>
        </ul>
      )}
    </div>
  );
});
