import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { FieldMessage } from '../api/validate';
import { FieldFrame } from './FieldFrame';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: string;
  hint?: ReactNode;
  error?: FieldMessage | undefined;
  /** Controls beside the input, e.g. the show/hide toggle. */
  addon?: ReactNode;
  /** Shown under the input, before the error (e.g. the strength meter). */
  below?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its translated error, tied together for assistive technology. */
export function Field({ label, hint, error, addon, below, className, ref, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} below={below}>
      {(wiring) => (
        <>
          <input
            {...wiring}
            ref={ref}
            className={className ? `input ${className}` : 'input'}
            spellCheck={false}
            autoComplete="off"
            {...input}
          />
          {addon}
        </>
      )}
    </FieldFrame>
  );
}
