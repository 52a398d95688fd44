/** The application menu's words in each interface language, from the shared catalogue (menus live outside the React app). */
import { bundles, type Catalogue } from '@shared/i18n/bundles';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/locales';

export type MenuLabels = Catalogue['menu'];

export const MENU_LABELS: Readonly<Record<Locale, MenuLabels>> = {
  fi: bundles.fi.menu,
  sv: bundles.sv.menu,
  en: bundles.en.menu,
};

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The labels for a locale; Finnish for anything that is not one of ours. */
export function menuLabels(locale: unknown): MenuLabels {
  return MENU_LABELS[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
