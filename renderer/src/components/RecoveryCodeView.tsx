import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/** Splits a recovery code into its groups ("ABCDE-FGHIJ" -> ["ABCDE", "FGHIJ"]). */
export function recoveryCodeGroups(code: string): string[] {
  return code.split(/[\s-]+/u).filter(Boolean);
}

/** The recovery code, large and in its groups; a screen reader hears it spelled out group by group. */
export function RecoveryCodeView({ code }: { code: string }) {
  const { t } = useTranslation();
  const groups = recoveryCodeGroups(code);
  const spoken = groups
    .map((group, index) => t('recoveryCode.spokenGroup', { number: index + 1, characters: [...group].join(' ') }))
    .join('. ');
  return (
    <p className="recovery-code" role="img" aria-label={t('recoveryCode.spoken', { groups: spoken })}>
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 ? <span className="recovery-code-separator">-</span> : null}
          <span className="recovery-code-group">{group}</span>
        </Fragment>
      ))}
    </p>
  );
}
