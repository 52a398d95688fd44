/** Days and moments of the consent register and safety flags, in the UI locale through Intl. */
import { intlLocale } from '@shared/typed-dates';
import i18n from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this computer's calendar, as YYYY-MM-DD: the default of every date field here. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar day (YYYY-MM-DD) as the locale writes it, e.g. "28.11.2026". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
}

/** A moment (ISO date-time) as the locale writes a date with a time. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
