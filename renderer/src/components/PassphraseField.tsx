import { useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../api/validate';
import { Field } from './Field';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'new-password' for a passphrase being chosen, 'current-password' for one being asked for. */
  purpose: 'new-password' | 'current-password';
  error?: FieldMessage | undefined;
  hint?: ReactNode;
  below?: ReactNode;
  name?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A passphrase input with a show/hide toggle; the text is never spell-checked or autofilled. */
export function PassphraseField({ label, value, onChange, purpose, error, hint, below, name, ref }: PassphraseFieldProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Field
      ref={ref}
      label={label}
      name={name}
      type={shown ? 'text' : 'password'}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete={purpose}
      autoCapitalize="off"
      autoCorrect="off"
      error={error}
      hint={hint}
      below={below}
      addon={
        <button type="button" className="button button-quiet toggle" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
          {t('passphrase.show')}
          <span className="visually-hidden"> ({label})</span>
        </button>
      }
    />
  );
}
