import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../api/validate';
import { CheckboxField } from '../../components/CheckboxField';
import { QueryFailure, type QueryView } from '../../components/QueryState';
import type { StaffOption } from './useStaffOptions';
import { translateKey } from '../../i18n/keys';

interface StaffPickerProps {
  /** The colleagues' query, so that a failure to load them is said at the choice. */
  query: QueryView<unknown>;
  options: readonly StaffOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: FieldMessage | undefined;
}

/** The cohort's staff as a group of checkboxes, one a colleague; people chosen earlier stay listed. */
export function StaffPicker({ query, options, selected, onChange, error }: StaffPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field programme-choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('programme.cohort.staff')}</legend>
      <QueryFailure query={query} />
      {options.length === 0 ? <p className="field-hint">{t('programme.cohort.noStaffList')}</p> : null}
      <div className="programme-choice-grid">
        {options.map((person) => (
          <CheckboxField
            key={person.id}
            label={person.displayName}
            checked={selected.includes(person.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, person.id] : selected.filter((s) => s !== person.id))
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
