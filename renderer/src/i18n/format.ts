/** Numbers and times in the UI locale, through Intl. */
import { intlLocale } from '@shared/typed-dates';
import i18n from './index';

/** A whole number with the locale's digit grouping ("1 234" in Finnish). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language).format(value);
}

/** "in 45 seconds" / "in 2 minutes", for a wait given in milliseconds. */
export function formatWait(ms: number): string {
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'always' });
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? format.format(seconds, 'second') : format.format(Math.ceil(seconds / 60), 'minute');
}

/** A calendar date, for printed sheets. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(date);
}

/** A date with its time of day, for events such as the last backup. */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A file size in the largest unit that keeps it above 1 ("3.4 MB"). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
