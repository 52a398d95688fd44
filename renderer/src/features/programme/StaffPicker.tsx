import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../api/validate';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { QueryFailure, type QueryView } from '../../components/QueryState';
import type { StaffOption } from './useStaffOptions';

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
  return (
    <CheckboxGroupField
      className="field programme-choices"
      gridClassName="programme-choice-grid"
      legend={t('programme.cohort.staff')}
      before={<QueryFailure query={query} />}
      hint={options.length === 0 ? t('programme.cohort.noStaffList') : undefined}
      options={options.map((person) => ({ value: person.id, label: person.displayName }))}
      selected={selected}
      onToggle={(person, on) => onChange(on ? [...selected, person] : selected.filter((s) => s !== person))}
      error={error}
    />
  );
}
