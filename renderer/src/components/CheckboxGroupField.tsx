import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../api/validate';
import { translateKey } from '../i18n/keys';
import { CheckboxField } from './CheckboxField';

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
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {before}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
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
      {error ? (
        <p id={errorId} className="field-error">
          {translateKey(t, error.key, error.values)}
        </p>
      ) : null}
    </fieldset>
  );
}
