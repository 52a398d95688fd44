import { useId, type ReactNode } from 'react';
import type { FieldMessage } from '../api/validate';
import { CheckboxField } from './CheckboxField';
import { FieldError, FieldHint, fieldIds } from './FieldFrame';

interface CheckboxGroupFieldProps<T extends string | number> {
  legend: string;
  hint?: ReactNode;
  /** The choices in the order shown, each with its (translated) label. */
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onToggle: (value: T, checked: boolean) => void;
  error?: FieldMessage | undefined;
  /** Shown under the legend, before the hint (e.g. a failure to load the choices). */
  before?: ReactNode;
  /** The frame's class (the fieldset) and the class laying out the checkboxes. */
  className: string;
  gridClassName: string;
}

/** A group of checkboxes under a legend, with an optional hint and the group's translated error tied to it. */
export function CheckboxGroupField<T extends string | number>({
  legend,
  hint,
  options,
  selected,
  onToggle,
  error,
  before,
  className,
  gridClassName,
}: CheckboxGroupFieldProps<T>) {
  const { hintId, errorId, describedBy } = fieldIds(useId(), hint, error);
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {before}
      <FieldHint id={hintId} hint={hint} />
      <div className={gridClassName}>
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            label={option.label}
            checked={selected.includes(option.value)}
            onChange={(event) => onToggle(option.value, event.target.checked)}
          />
        ))}
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
