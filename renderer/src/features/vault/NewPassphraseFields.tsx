import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '@shared/vault';
import type { FieldErrors } from '../../api/validate';
import { PassphraseField } from '../../components/PassphraseField';
import { StrengthMeter } from '../../components/StrengthMeter';
import type { usePassphraseChoice } from './usePassphraseChoice';

interface NewPassphraseFieldsProps {
  choice: ReturnType<typeof usePassphraseChoice>;
  errors: FieldErrors;
  edit: <T>(field: string, set: (value: T) => void) => (value: T) => void;
  labels: { next: string; again: string };
  /** The form's field names for the two inputs, as its validation reports them. */
  fields: { next: string; again: string };
}

/** A new passphrase with its strength meter, and the same again: used by setup, recovery and settings. */
export function NewPassphraseFields({ choice, errors, edit, labels, fields }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const nextError = errors[fields.next];
  return (
    <>
      <PassphraseField
        label={labels.next}
        hint={t('passphrase.chooseHint', { min: PASSPHRASE_MIN_LENGTH })}
        value={choice.next}
        onChange={edit(fields.next, choice.setNext)}
        purpose="new-password"
        error={nextError}
        below={<StrengthMeter strength={choice.strength} empty={choice.next.length === 0} quiet={nextError !== undefined} />}
      />
      <PassphraseField
        label={labels.again}
        value={choice.again}
        onChange={edit(fields.again, choice.setAgain)}
        purpose="new-password"
        error={errors[fields.again]}
      />
    </>
  );
}
