/** Days, times and lengths of the psychosocial log in the interface language, through Intl. */
import { intlLocale } from '@shared/typed-dates';
import type { NextAppointment } from '@shared/psychosocial';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this computer's calendar, as YYYY-MM-DD: the default day of a new meeting. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function localDay(day: string, time: string | null = null): Date | null {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  const [hours = 0, minutes = 0] = (time ?? '').split(':').map(Number);
  return new Date(year, month - 1, date, hours, minutes);
}

/** A calendar day (YYYY-MM-DD) as the locale writes it, e.g. "20. marraskuuta 2026". */
export function formatDay(day: string, locale: string): string {
  const date = localDay(day);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date) : day;
}

/** A next appointment: its day, with the time when one was agreed. */
export function formatAppointment(appointment: NextAppointment, locale: string): string {
  const date = localDay(appointment.date, appointment.time);
  if (!date) return appointment.date;
  const style: Intl.DateTimeFormatOptions = appointment.time ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(intlLocale(locale), style).format(date);
}

/** A moment (ISO date-time) as the locale writes a date with a time. */
export function formatMoment(iso: string, locale: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
