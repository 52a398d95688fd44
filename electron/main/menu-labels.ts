/** The application menu's words in each interface language (menus live outside the React app and its i18n). */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@shared/locales';

export interface MenuLabels {
  file: string;
  lock: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  reload: string;
  devTools: string;
  window: string;
  minimize: string;
  close: string;
}

export const MENU_LABELS: Readonly<Record<Locale, MenuLabels>> = {
  fi: {
    file: 'Tiedosto',
    lock: 'Lukitse',
    quit: 'Lopeta',
    edit: 'Muokkaa',
    undo: 'Kumoa',
    redo: 'Tee uudelleen',
    cut: 'Leikkaa',
    copy: 'Kopioi',
    paste: 'Liitä',
    selectAll: 'Valitse kaikki',
    view: 'Näytä',
    resetZoom: 'Todellinen koko',
    zoomIn: 'Lähennä',
    zoomOut: 'Loitonna',
    fullScreen: 'Koko näyttö',
    reload: 'Lataa uudelleen',
    devTools: 'Kehittäjätyökalut',
    window: 'Ikkuna',
    minimize: 'Pienennä',
    close: 'Sulje ikkuna',
  },
  sv: {
    file: 'Arkiv',
    lock: 'Lås',
    quit: 'Avsluta',
    edit: 'Redigera',
    undo: 'Ångra',
    redo: 'Gör om',
    cut: 'Klipp ut',
    copy: 'Kopiera',
    paste: 'Klistra in',
    selectAll: 'Markera allt',
    view: 'Visa',
    resetZoom: 'Verklig storlek',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    fullScreen: 'Helskärm',
    reload: 'Läs in igen',
    devTools: 'Utvecklarverktyg',
    window: 'Fönster',
    minimize: 'Minimera',
    close: 'Stäng fönstret',
  },
  en: {
    file: 'File',
    lock: 'Lock',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    reload: 'Reload',
    devTools: 'Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
  },
};

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The labels for a locale; Finnish for anything that is not one of ours. */
export function menuLabels(locale: unknown): MenuLabels {
  return MENU_LABELS[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
