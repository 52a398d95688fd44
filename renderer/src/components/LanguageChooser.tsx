import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@shared/locales';
import { invoke } from '../api/client';
import i18n, { currentLocale, isLocale } from '../i18n';

/** Switches the interface language now and asks the main side to remember it (it is not personal data). */
export async function chooseLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
  await invoke('prefs.setLocale', { locale });
}

/** The language menu; each language is named in itself so anyone can find theirs. */
export function LanguageChooser({ labelHidden = false }: { labelHidden?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-chooser">
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className="input select"
        value={currentLocale()}
        onChange={(event) => {
          if (isLocale(event.target.value)) void chooseLocale(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.names.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
