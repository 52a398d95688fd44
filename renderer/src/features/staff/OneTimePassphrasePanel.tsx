import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/users';
import type { IssueReason } from './AccessConfirm';

interface OneTimePassphrasePanelProps {
  user: UserSummary;
  oneTimePassphrase: string;
  reason: IssueReason;
  onDone: () => void;
}

/**
 * The one-time passphrase, shown this once, large and in its groups, with what to do with it. A screen reader
 * hears it spelled out group by group.
 */
export function OneTimePassphrasePanel({ user, oneTimePassphrase, reason, onDone }: OneTimePassphrasePanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = user.displayName;
  const groups = oneTimePassphrase.split('-').filter(Boolean);
  const spoken = groups
    .map((group, index) => t('recoveryCode.spokenGroup', { number: index + 1, characters: [...group].join(' ') }))
    .join('. ');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="card one-time-panel">
      <h2 ref={heading} tabIndex={-1}>
        {t('staff.issued.title', { name })}
      </h2>
      <p className="notice notice-success">
        {reason === 'created'
          ? t('staff.issued.created', { name, role: t(`roles.${user.role}`) })
          : t(reason === 'renewed' ? 'staff.issued.renewed' : 'staff.issued.restored', { name })}
      </p>
      <p className="recovery-code one-time-passphrase" role="img" aria-label={t('staff.issued.spoken', { groups: spoken })}>
        {groups.map((group, index) => (
          <Fragment key={index}>
            {index > 0 ? <span className="recovery-code-separator">-</span> : null}
            <span className="one-time-passphrase-group">{group}</span>
          </Fragment>
        ))}
      </p>
      <ul className="advice">
        <li>{t('staff.issued.inPerson', { name })}</li>
        <li>{t('staff.issued.firstUnlock', { name })}</li>
        <li>{t('staff.issued.characters')}</li>
        <li>
          <strong>{t('staff.issued.once')}</strong>
        </li>
      </ul>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('staff.issued.done')}
        </button>
      </div>
    </section>
  );
}
