import type { Wording } from '@shared/assessments';
import { LOCALES } from '@shared/locales';
import { isOneOf } from '../../i18n/keys';

/** A text of the instrument in the interface language (Finnish when the language is none of Polku's). */
export function wordingIn(wording: Wording, language: string): string {
  return isOneOf(LOCALES, language) ? wording[language] : wording.fi;
}
