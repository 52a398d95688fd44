import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../api/validate';
import { translateKey } from '../i18n/keys';

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: FieldMessage | undefined;
  /** Shown under the control, before the error (e.g. the strength meter). */
  below?: ReactNode;
  /** The control itself, given the ids that tie it to the label, hint and error. */
  children: (wiring: ControlWiring) => ReactNode;
}

/** A label, a hint and a translated error around one control, tied together for assistive technology. */
export function FieldFrame({ label, hint, error, below, children }: FieldFrameProps) {
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
        {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      </div>
      {below}
      {error ? (
        <p id={errorId} className="field-error">
          {translateKey(t, error.key, error.values)}
        </p>
      ) : null}
    </div>
  );
}
