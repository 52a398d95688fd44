import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import type { FieldErrors, FieldMessage } from '../api/validate';
import { PassphraseField } from './PassphraseField';

/** The field every channel that asks for the caller's own passphrase again names it by (shared/passphrases.ts). */
export const CURRENT_PASSPHRASE = 'currentPassphrase';

interface CurrentPassphraseFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: FieldMessage | undefined;
}

/**
 * The signed-in user's own passphrase, asked again before an action that gives lasting access (a recovery code,
 * an account, a role, a one-time passphrase, a backup, a handover file). Placed last, just before the action's
 * button; the form clears it after each attempt and keeps it nowhere else.
 */
export function CurrentPassphraseField({ value, onChange, error }: CurrentPassphraseFieldProps) {
  const { t } = useTranslation();
  return (
    <PassphraseField
      label={t('passphrase.current')}
      hint={t('passphrase.currentHint')}
      name={CURRENT_PASSPHRASE}
      value={value}
      onChange={onChange}
      purpose="current-password"
      error={error}
    />
  );
}

/** A wrong own passphrase is explained at its field, not above the buttons. */
export function wrongPassphraseAtField(failure: Failure): FieldErrors | null {
  return failure.code === 'wrong_passphrase' ? { [CURRENT_PASSPHRASE]: { key: failure.i18nKey } } : null;
}
