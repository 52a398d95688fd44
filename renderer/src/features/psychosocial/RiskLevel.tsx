import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type RiskLevel } from '@shared/psychosocial';
import type { FieldMessage } from '../../api/validate';
import { FieldError } from '../../components/FieldFrame';

/** A risk level in words; the colour and the border only repeat what the words say. */
export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return <span className={`psy-risk psy-risk-${level}`}>{t(`psychosocial.risk.${level}`)}</span>;
}

interface RiskLevelFieldProps {
  value: RiskLevel | '';
  onChange: (level: RiskLevel) => void;
  error?: FieldMessage | undefined;
}

/**
 * The risk level as four named choices, none chosen until the psychologist chooses; keyboard usable as radios are.
 * The group itself carries the invalid state (radios cannot) and takes focus after a failed submit.
 */
export function RiskLevelField({ value, onChange, error }: RiskLevelFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'psy-choice-group field field-invalid' : 'psy-choice-group field'}>
      <p id={labelId} className="psy-legend">
        {t('psychosocial.fields.riskLevel')}
      </p>
      <p id={hintId} className="field-hint">
        {t('psychosocial.fields.riskHint')}
      </p>
      <div
        role="radiogroup"
        className="psy-choices"
        tabIndex={-1}
        aria-labelledby={labelId}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-required
        aria-invalid={error ? true : undefined}
      >
        {RISK_LEVELS.map((level) => (
          <label key={level} className="psy-choice">
            <input type="radio" name={id} value={level} checked={value === level} onChange={() => onChange(level)} />
            {t(`psychosocial.risk.${level}`)}
          </label>
        ))}
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
