import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../api/validate';
import { CheckboxField } from '../../components/CheckboxField';
import { translateKey } from '../../i18n/keys';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface WeekdayPickerProps {
  selected: readonly number[];
  onChange: (weekdays: number[]) => void;
  error?: FieldMessage | undefined;
}

/** The weekdays a group meets on, Monday to Sunday, as checkboxes. */
export function WeekdayPicker({ selected, onChange, error }: WeekdayPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field programme-choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('programme.new.weekdays')}</legend>
      <div className="programme-weekdays">
        {WEEKDAYS.map((day) => (
          <CheckboxField
            key={day}
            label={t(`programme.weekdays.long.${day}`)}
            checked={selected.includes(day)}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, day].sort((a, b) => a - b) : selected.filter((d) => d !== day))
            }
          />
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {translateKey(t, error.key, error.values)}
        </p>
      ) : null}
    </fieldset>
  );
}
