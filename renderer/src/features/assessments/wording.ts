import { useTranslation } from 'react-i18next';
import type { Wording } from '@shared/assessments';
import { LOCALES } from '@shared/locales';
import { isOneOf } from '../../i18n/keys';

/** A text of the instrument in the interface language (Finnish when the language is none of Polku's). */
export function wordingIn(wording: Wording, language: string): string {
  return isOneOf(LOCALES, language) ? wording[language] : wording.fi;
}

/** `wordingIn` for the interface's language of the moment. */
export function useWording(): (text: Wording) => string {
  const { i18n } = useTranslation();
  return (text) => wordingIn(text, i18n.language);
}
