import { describeTypedDate, formatTypedDate, parseTypedDate, type YearWindow } from '@shared/typed-dates';
import { TypedField, type TypedFieldProps } from './TypedField';

interface DateFieldProps extends TypedFieldProps {
  /** Where a two-digit or missing year falls: in the past (a day already lived), or nearest to this year. */
  years?: YearWindow;
}

/** Today on this computer's calendar, as YYYY-MM-DD: the reference for a year left out or typed with two digits. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A day typed as the interface language writes it (4.12.2026, 4.12., 041226; 2026-12-04; 4/12/2026), stored as YYYY-MM-DD. */
export function DateField({ years = 'near', ...field }: DateFieldProps) {
  const kind = {
    parse: (text: string) => parseTypedDate(text, { today: localToday(), years }),
    format: formatTypedDate,
    describe: describeTypedDate,
    unreadable: { key: 'typedDates.dateUnreadable' },
    placeholder: 'typedDates.datePlaceholder',
  };
  return <TypedField kind={kind} {...field} />;
}
