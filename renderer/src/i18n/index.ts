/**
 * i18next with the three bundled locales. Finnish is the default; the main side keeps the chosen locale
 * (it is not personal data) and reports it in 'vault.status', so nothing is stored in the browser.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/locales';
import { bundles } from '@shared/i18n/bundles';

export const resources = {
  fi: { translation: bundles.fi },
  sv: { translation: bundles.sv },
  en: { translation: bundles.en },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LOCALE,
  // A missing key (the locale test forbids them) falls back to Finnish rather than showing a raw key.
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
  initAsync: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

/** Whether a string names one of the UI locales. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The locale the UI shows now. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export default i18n;
