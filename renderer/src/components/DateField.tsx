import { today } from '@shared/days';
import { describeTypedDate, formatTypedDate, parseTypedDate, type YearWindow } from '@shared/typed-dates';
import { TypedField, type TypedFieldProps, type TypedValueKind } from './TypedField';

interface DateFieldProps extends TypedFieldProps {
  /** Where a two-digit or missing year falls: in the past (a day already lived), or nearest to this year. */
  years?: YearWindow;
}

/** A day typed as the interface language writes it (4.12.2026, 4.12., 041226; 2026-12-04; 4/12/2026), stored as YYYY-MM-DD. */
export function DateField({ years = 'near', ...field }: DateFieldProps) {
  const kind: TypedValueKind = {
    parse: (text: string) => parseTypedDate(text, { today: today(), years }),
    format: formatTypedDate,
    describe: describeTypedDate,
    unreadable: { key: 'typedDates.dateUnreadable' },
    placeholder: 'typedDates.datePlaceholder',
  };
  return <TypedField kind={kind} {...field} />;
}
