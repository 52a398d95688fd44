import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../api/validate';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface WeekdayPickerProps {
  selected: readonly number[];
  onChange: (weekdays: number[]) => void;
  error?: FieldMessage | undefined;
}

/** The weekdays a group meets on, Monday to Sunday, as checkboxes. */
export function WeekdayPicker({ selected, onChange, error }: WeekdayPickerProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField
      className="field programme-choices"
      gridClassName="programme-weekdays"
      legend={t('programme.new.weekdays')}
      options={WEEKDAYS.map((day) => ({ value: day, label: t(`programme.weekdays.long.${day}`) }))}
      selected={selected}
      onToggle={(day, on) => onChange(on ? [...selected, day].sort((a, b) => a - b) : selected.filter((d) => d !== day))}
      error={error}
    />
  );
}
