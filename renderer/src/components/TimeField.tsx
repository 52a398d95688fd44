import { describeTypedTime, formatTypedTime, parseTypedTime } from '@shared/typed-dates';
import { TypedField, type TypedFieldProps, type TypedValueKind } from './TypedField';

const TIME_OF_DAY: TypedValueKind = {
  parse: parseTypedTime,
  format: formatTypedTime,
  describe: describeTypedTime,
  unreadable: { key: 'typedDates.timeUnreadable' },
  placeholder: 'typedDates.timePlaceholder',
};

/** A time of day typed as the interface language writes it (klo 9.00, 9, 930; 09:00), stored as HH:MM. */
export function TimeField(field: TypedFieldProps) {
  return <TypedField kind={TIME_OF_DAY} {...field} />;
}
