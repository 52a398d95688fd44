/**
 * Clock times as each interface language writes them, on screen, in fields and on paper alike: the one place a
 * time of day or a time range is written. Finnish "klo 9.00–12.00" (a full stop between hours and minutes, no
 * leading zero, "klo" once before a range); Swedish as written in Finland "kl. 9.00–12.00"; English on the
 * 24-hour clock with a leading zero as in en-GB, "09:00–12:00", with no word before it.
 */
import type { Locale } from '../locales';

const HH_MM = /^(\d{2}):(\d{2})$/;

/** Languages that write 9.00 rather than 09:00, and the word they put before a time in running text. */
const CLOCK_WORD: Partial<Record<string, string>> = { fi: 'klo', sv: 'kl.' };
/** The word of the language a tag names: 'fi-FI' writes as 'fi'. */
const wordOf = (locale: string) => CLOCK_WORD[locale.split('-')[0] ?? locale];

/**
 * The one Intl tag of each interface language, for every date and time Intl writes: Finnish as in Finland, Swedish
 * as written in Finland (sv-FI: "4.12.2026", "kl. 9.05", never Sweden's 2026-12-04 and 09:05), English day first
 * with a 24-hour clock (en-GB: "4 Dec 2026", never the US "Dec 4, 2026").
 */
export const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The Intl tag of an interface language (INTL_LOCALE); any other tag is kept as it is. */
export function intlLocale(language: Locale | string): string {
  return language === 'fi' || language === 'sv' || language === 'en' ? INTL_LOCALE[language] : language;
}

/** A stored time ('HH:MM') as the language writes it: "9.00" in Finnish and Swedish, "09:00" in English. Other text is kept. */
export function formatClock(time: string, locale: Locale | string): string {
  const parts = HH_MM.exec(time);
  if (!parts) return time;
  return wordOf(locale) === undefined ? time : `${Number(parts[1])}.${parts[2]}`;
}

/** Two stored times as a range without a leading word, for a column headed "time": "9.00–12.00", "09:00–12:00". */
export function formatClockRange(start: string, end: string, locale: Locale | string): string {
  return `${formatClock(start, locale)}–${formatClock(end, locale)}`;
}

/** A time in running text: "klo 9.00", "kl. 9.00", "09:00". */
export function clockPhrase(time: string, locale: Locale | string): string {
  const word = wordOf(locale);
  return word === undefined || !HH_MM.test(time) ? formatClock(time, locale) : `${word} ${formatClock(time, locale)}`;
}

/** A range in running text, the word said once: "klo 9.00–12.00", "kl. 9.00–12.00", "09:00–12:00". */
export function clockRangePhrase(start: string, end: string, locale: Locale | string): string {
  const word = wordOf(locale);
  return word === undefined ? formatClockRange(start, end, locale) : `${word} ${formatClockRange(start, end, locale)}`;
}
