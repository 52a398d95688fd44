import { useTranslation } from 'react-i18next';
import type { Wording } from '@shared/assessments';
import { LOCALES, type Locale } from '@shared/locales';
import { isOneOf } from '../../i18n/keys';

/** An instrument's text in the interface language (the instrument words every text in fi, sv and en). */
export function useWording(): (text: Wording) => string {
  const { i18n } = useTranslation();
  const locale: Locale = isOneOf(LOCALES, i18n.language) ? i18n.language : 'fi';
  return (text) => text[locale];
}
