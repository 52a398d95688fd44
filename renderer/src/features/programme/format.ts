/** Sessions' days, weekdays and times of the programme's calendar as the UI language writes them. */
import { isIsoDay, isIsoWeekday, isoWeekday } from '@shared/days';
import { clockRangePhrase } from '@shared/i18n/clock-format';
import i18n, { currentLocale } from '../../i18n';
import { formatDayMonth } from '../../i18n/format';

/** A session's day with its weekday, e.g. "Mon 14 Jan". */
export function formatSessionDay(day: string): string {
  if (!isIsoDay(day)) return day;
  return `${i18n.t(`programme.weekdays.short.${isoWeekday(day)}`)} ${formatDayMonth(day)}`;
}

/** "Mon, Tue, Wed, Thu" for the ISO weekdays a group meets on. */
export function formatWeekdays(weekdays: readonly number[]): string {
  return weekdays.map((d) => (isIsoWeekday(d) ? i18n.t(`programme.weekdays.short.${d}`) : String(d))).join(', ');
}

/** "klo 9.00–12.00" in Finnish, "kl. 9.00–12.00" in Swedish, "09:00–12:00" in English. */
export function formatTimeRange(startTime: string, endTime: string): string {
  return clockRangePhrase(startTime, endTime, currentLocale());
}
