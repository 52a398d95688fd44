/** Days, weeks and rhythms of the programme's calendar as the UI language writes them. */
import { isoWeekday } from '@shared/programme-calendar';
import { formatTypedTime } from '@shared/typed-dates';
import i18n, { currentLocale } from '../../i18n';

function localDate(day: string): Date | null {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  return new Date(year, month - 1, date);
}

/** "14 Jan" (or "Jan 14"): a day of the month without the year, for previews and ranges. */
export function formatDayMonth(day: string): string {
  const at = localDate(day);
  if (!at) return day;
  return new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short' }).format(at);
}

/** "14 Jan 2027 – 25 Mar 2027" shortened by the locale's own range rules. */
export function formatDayRange(first: string, last: string): string {
  const from = localDate(first);
  const to = localDate(last);
  if (!from || !to) return `${first} – ${last}`;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).formatRange(from, to);
}

/** A session's day with its weekday, e.g. "Mon 14 Jan". */
export function formatSessionDay(day: string): string {
  const at = localDate(day);
  if (!at) return day;
  return `${i18n.t(`programme.weekdays.short.${isoWeekday(day)}`)} ${formatDayMonth(day)}`;
}

/** "Mon, Tue, Wed, Thu" for the ISO weekdays a group meets on. */
export function formatWeekdays(weekdays: readonly number[]): string {
  return weekdays.map((d) => i18n.t(`programme.weekdays.short.${d}`)).join(', ');
}

/** "9.00–12.00" in Finnish, "09:00–12:00" in Swedish and English. */
export function formatTimeRange(startTime: string, endTime: string): string {
  const locale = currentLocale();
  return `${formatTypedTime(startTime, locale)}–${formatTypedTime(endTime, locale)}`;
}
