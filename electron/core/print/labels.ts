/**
 * The words of a printout in its language. The print's own wording is in shared/i18n/printout/<locale>.json; the
 * names of codes (consent purposes, flag kinds, note types, statuses...) are read from the interface's catalogue,
 * so that a code is called the same on paper as on screen. Dates and times go through Intl in the print's locale.
 */
import { bundles, lookup, PRINTOUT_WORDING, type Tree } from '@shared/i18n/bundles';
import { intlLocale } from '@shared/i18n/clock-format';
import { isIsoDay, localMoment } from '@shared/days';
import type { Locale } from '@shared/locales';

export type LabelTree = Tree;
export type LabelValues = Record<string, string | number>;

/** The print's own wording per locale (what the locale test compares key by key). */
export const PRINT_WORDING: Readonly<Record<Locale, LabelTree>> = PRINTOUT_WORDING;

/** A text of the printout: its own wording first, else the interface's name for a code. */
function textOf(locale: Locale, key: string): string | undefined {
  return lookup(PRINTOUT_WORDING[locale], key) ?? lookup(bundles[locale], key);
}

/** A calendar day (YYYY-MM-DD) is that day, not a UTC moment; anything else is read as an ISO moment. */
function dateOf(value: string): Date {
  return isIsoDay(value) ? localMoment(value) : new Date(value);
}

/** The words and formats of one printout. */
export interface PrintText {
  locale: Locale;
  /** A text by dotted key with {{placeholders}} filled; `count` picks the plural form (`_one`, `_other`). */
  t(key: string, values?: LabelValues): string;
  /** Whether there is a text for `key` (codes the interface may not know, e.g. from older records). */
  has(key: string): boolean;
  /** A calendar day or moment as a date ("1 October 2026"). */
  day(value: string): string;
  /** A calendar day or moment in short form: numbers in Finnish and Swedish ("4.12.2026"), "4 Dec 2026" in English. */
  shortDay(value: string): string;
  /** A moment with its time ("28 November 2026 at 11:00"). */
  moment(value: string | Date): string;
}

/** The printout's words in `locale`. A missing text is a programming error, caught by the tests of every section. */
export function printText(locale: Locale): PrintText {
  const plural = new Intl.PluralRules(locale);
  const dayFormat = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' });
  // Day first and in numbers as Finland writes it in both its languages; English names the month, since "04/12/2026"
  // reads as April to many.
  const shortDayFormat = new Intl.DateTimeFormat(
    intlLocale(locale),
    locale === 'en' ? { dateStyle: 'medium' } : { day: 'numeric', month: 'numeric', year: 'numeric' },
  );
  // The time as the language writes it on screen too (shared/i18n/clock-format.ts): klo 9.00, kl. 9.00, 09:00.
  const momentFormat = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' });
  return {
    locale,
    t(key, values = {}) {
      const count = values.count;
      const text =
        (typeof count === 'number' ? textOf(locale, `${key}_${plural.select(count)}`) : undefined) ?? textOf(locale, key);
      if (text === undefined) throw new Error(`print label missing: ${locale} ${key}`);
      return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
    },
    has: (key) => textOf(locale, key) !== undefined,
    day: (value) => dayFormat.format(dateOf(value)),
    shortDay: (value) => shortDayFormat.format(dateOf(value)),
    moment: (value) => momentFormat.format(typeof value === 'string' ? new Date(value) : value),
  };
}
