import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import type { FieldMessage } from '../api/validate';
import { FieldFrame } from './FieldFrame';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: string;
  hint?: ReactNode;
  error?: FieldMessage | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled text area for longer text, with its hint and translated error, tied together like Field. */
export function TextAreaField({ label, hint, error, ref, className, rows = 5, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(wiring) => (
        <textarea
          {...wiring}
          ref={ref}
          rows={rows}
          spellCheck={false}
          // Chromium saves the form state of fields without it, text included, in its session files on disk.
          autoComplete="off"
          className={className ? `input textarea ${className}` : 'input textarea'}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}
