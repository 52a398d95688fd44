import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import type { FieldMessage } from '../api/validate';
import { FieldFrame } from './FieldFrame';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  label: string;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: FieldMessage | undefined;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled drop-down list with its hint and its translated error, tied together like Field. */
export function SelectField({ label, options, hint, error, ref, className, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(wiring) => (
        <select {...wiring} ref={ref} className={className ? `input select ${className}` : 'input select'} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
