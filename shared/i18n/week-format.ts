/**
 * A week and its days as a locale writes them, in the week view on screen and on the printed week alike, so that
 * paper and screen say the same. Finnish writes days with numbers ("22.3."), Swedish and English name the month.
 */
import { addDays, localMoment } from '../days';
import { intlLocale } from './clock-format';

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A week's dates: "22.–28.3.2027" in Finnish, "22–28 mars 2027" in Swedish, "22–28 March 2027" in English. */
export function formatWeekDates(locale: string, monday: string): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'fi' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).formatRange(localMoment(monday), localMoment(addDays(monday, 6)));
}

/** A day's heading in a week: "Maanantai 22.3.", "Måndag 22 mars", "Monday 22 March". */
export function formatWeekdayHeading(locale: string, day: string): string {
  const at = localMoment(day);
  const weekday = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long' }).format(at);
  const options: Intl.DateTimeFormatOptions =
    locale === 'fi' ? { day: 'numeric', month: 'numeric' } : { day: 'numeric', month: 'long' };
  return `${capitalised(weekday)} ${new Intl.DateTimeFormat(intlLocale(locale), options).format(at)}`;
}
