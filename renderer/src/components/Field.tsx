import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../api/validate';

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
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="field-control">
        <input
          id={id}
          ref={ref}
          className={className ? `input ${className}` : 'input'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          spellCheck={false}
          autoComplete="off"
          {...input}
        />
        {addon}
      </div>
      {below}
      {error ? (
        <p id={errorId} className="field-error">
          {t(error.key, error.values ?? {})}
        </p>
      ) : null}
    </div>
  );
}
