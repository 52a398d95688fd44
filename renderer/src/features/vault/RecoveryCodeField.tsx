import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../api/validate';
import { Field } from '../../components/Field';

interface RecoveryCodeFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldMessage | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** Where a recovery code is typed from paper: monospace, capitals, never autofilled or spell-checked. */
export function RecoveryCodeField({ label, value, onChange, error, ref }: RecoveryCodeFieldProps) {
  const { t } = useTranslation();
  return (
    <Field
      ref={ref}
      label={label}
      hint={t('recoveryCode.fieldHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      className="input-code"
      autoCapitalize="characters"
      autoCorrect="off"
    />
  );
}
