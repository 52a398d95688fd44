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
  const id = useId();
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldHint id={hintId} hint={hint} />
      <div className="field-control">
        {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      </div>
      {below}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** The ids of a field's (or a group's) hint and error, and the aria-describedby that names those shown. */
export function fieldIds(id: string, hint: ReactNode, error: FieldMessage | undefined) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

/** A field's hint, when it has one. */
export function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p id={id} className="field-hint">
      {hint}
    </p>
  ) : null;
}

/** A field's error in the interface language, when it has one. */
export function FieldError({ id, error }: { id: string; error: FieldMessage | undefined }) {
  const { t } = useTranslation();
  return error ? (
    <p id={id} className="field-error">
      {translateKey(t, error.key, error.values)}
    </p>
  ) : null;
}
