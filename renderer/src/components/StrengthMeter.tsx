import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '@shared/vault';
import type { Strength } from '../features/vault/strength';

const SEGMENTS = [1, 2, 3, 4] as const;
const MAX_HINTS = 2;

/** The strength of a new passphrase as a bar and a word, with the most useful advice. */
interface StrengthMeterProps {
  strength: Strength;
  empty: boolean;
  /** Leave the advice out while the field shows an error, so the two do not repeat each other. */
  quiet?: boolean;
}

export function StrengthMeter({ strength, empty, quiet = false }: StrengthMeterProps) {
  const { t } = useTranslation();
  return (
    <div className={`strength strength-${strength.score}`}>
      <div className="strength-bar" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <span
            key={segment}
            className={!empty && Math.max(strength.score, 1) >= segment ? 'strength-segment filled' : 'strength-segment'}
          />
        ))}
      </div>
      <p className="strength-level" aria-live="polite">
        {t('strength.label')}: <strong>{empty ? t('strength.empty') : t(`strength.levels.${strength.score}`)}</strong>
      </p>
      {!empty && !quiet && strength.hints.length > 0 ? (
        <ul className="strength-hints">
          {strength.hints.slice(0, MAX_HINTS).map((hint) => (
            <li key={hint}>{t(`strength.hints.${hint}`, { min: PASSPHRASE_MIN_LENGTH })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
