/** Days and times of notes, drafts and search results in the interface language, through Intl. */
import { intlLocale } from '@shared/typed-dates';
import i18n from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this computer's calendar, as YYYY-MM-DD: a new note's date, and the latest a note may have. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar day (YYYY-MM-DD) as the locale writes it, e.g. "20.11.2026". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
}

/** A moment (ISO date-time): only the time if it is today ("14:02"), else the date and the time. */
export function formatWhen(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameDay = today(at) === today(now);
  return new Intl.DateTimeFormat(
    intlLocale(i18n.language),
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(at);
}
