/**
 * The letters of the attendance marks in the interface's language. They are named once, in the catalogue
 * (`attendance.keys.<mark>` of each locale), and read here for the keyboard, the cells, the legend and the buttons.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ATTENDANCE_MARKS } from '@shared/attendance';
import type { MarkLetters } from './gridLogic';

/** Each mark's letter as the catalogue of `t`'s language names it. */
export function markLettersOf(t: TFunction): MarkLetters {
  return Object.fromEntries(ATTENDANCE_MARKS.map((mark) => [mark, t(`attendance.keys.${mark}`)])) as MarkLetters;
}

/** The marks' letters in the language of the moment; a new object only when the language changes. */
export function useMarkLetters(): MarkLetters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => markLettersOf(i18n.getFixedT(language)), [i18n, language]);
}
