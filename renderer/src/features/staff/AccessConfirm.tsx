import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/users';
import { ConfirmBox } from '../../components/ConfirmBox';
import { useConfirmWithPassphrase } from '../../components/useConfirmWithPassphrase';
import { useChannelAction } from '../../components/useChannelAction';
import { STAFF_CHANGES } from './mutations';

/** What a one-time passphrase was made for: a new account, a forgotten passphrase, or access given back. */
export type IssueReason = 'created' | 'renewed' | 'restored';

interface EndAccessConfirmProps {
  user: UserSummary;
  onEnded: (user: UserSummary) => void;
  onCancel: () => void;
}

/** The second step of ending a colleague's access, saying plainly that their records stay. */
export function EndAccessConfirm({ user, onEnded, onCancel }: EndAccessConfirmProps) {
  const { t } = useTranslation();
  const { busy, failure, run } = useChannelAction({ invalidates: STAFF_CHANGES });
  const confirm = () => run('users.deactivate', { id: user.id }, onEnded);

  return (
    <ConfirmBox
      question={t('staff.end.question', { name: user.displayName })}
      explanation={t('staff.end.explanation', { name: user.displayName })}
      confirmLabel={t('staff.end.confirm')}
      destructive
      busy={busy}
      failure={failure}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    />
  );
}

interface NewPassphraseConfirmProps {
  user: UserSummary;
  onIssued: (user: UserSummary, oneTimePassphrase: string, reason: IssueReason) => void;
  onCancel: () => void;
}

/**
 * The second step of making a new one-time passphrase: for an active colleague it replaces their passphrase at
 * once (they forgot it); for one whose access ended, it gives access back.
 */
export function NewPassphraseConfirm({ user, onIssued, onCancel }: NewPassphraseConfirmProps) {
  const { t } = useTranslation();
  const { busy, failure, confirm: send, passphrase } = useConfirmWithPassphrase({ invalidates: STAFF_CHANGES });
  const reason: IssueReason = user.active ? 'renewed' : 'restored';
  const confirm = () =>
    send('users.issuePassphrase', { id: user.id }, (issued) => onIssued(issued.user, issued.oneTimePassphrase, reason));

  return (
    <ConfirmBox
      question={t(reason === 'renewed' ? 'staff.renew.question' : 'staff.restore.question', { name: user.displayName })}
      explanation={t(reason === 'renewed' ? 'staff.renew.explanation' : 'staff.restore.explanation', {
        name: user.displayName,
      })}
      confirmLabel={t(reason === 'renewed' ? 'staff.renew.confirm' : 'staff.restore.confirm')}
      passphrase={passphrase}
      busy={busy}
      failure={failure}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    />
  );
}
