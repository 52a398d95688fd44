import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { UserSummary } from '@shared/users';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useSession } from '../../shell/session';
import { EndAccessConfirm, NewPassphraseConfirm, type IssueReason } from './AccessConfirm';
import { AddColleagueForm } from './AddColleagueForm';
import { EditColleagueForm } from './EditColleagueForm';
import { OneTimePassphrasePanel } from './OneTimePassphrasePanel';
import { staffQuery } from './queries';
import { StaffTable, type RowAction } from './StaffTable';

interface StaffScreenProps {
  /** The coordinator changed their own name or role. */
  onSession: (session: SessionInfo) => void;
  /** Opens Settings where the master key is changed (offered after ending someone's access). */
  onOpenKeyChange: () => void;
}

type Open = { kind: 'add' } | { kind: 'row'; action: RowAction; id: string } | null;

interface Issued {
  user: UserSummary;
  oneTimePassphrase: string;
  reason: IssueReason;
}

/**
 * The coordinator's staff page: everyone's account in a table, adding a colleague, and per row renaming,
 * changing the role, a new one-time passphrase, and ending access. A one-time passphrase takes the whole page
 * until it is acknowledged, so that it is not lost behind another action.
 */
export function StaffScreen({ onSession, onOpenKeyChange }: StaffScreenProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const session = useSession();
  // The main side keeps the list's order (active first, then by name); a change fetches it again (mutations.ts).
  const query = useQuery(staffQuery());
  const [open, setOpen] = useState<Open>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Whose access just ended: the page then offers to change the master key, and says why. */
  const [endedName, setEndedName] = useState<string | null>(null);

  /** Closes whatever is open under a row and puts focus back on the button that opened it. */
  function closeRow(action: RowAction, id: string) {
    setOpen(null);
    focusLater(`${action}:${id}`);
  }

  function toggleRow(action: RowAction, user: UserSummary) {
    setNotice(null);
    setEndedName(null);
    if (open?.kind === 'row' && open.action === action && open.id === user.id) return closeRow(action, user.id);
    setOpen({ kind: 'row', action, id: user.id });
  }

  function showIssued(user: UserSummary, oneTimePassphrase: string, reason: IssueReason) {
    setOpen(null);
    setNotice(null);
    setIssued({ user, oneTimePassphrase, reason });
  }

  function doneWithIssued() {
    if (!issued) return;
    focusLater(issued.reason === 'created' ? 'add' : `renew:${issued.user.id}`);
    setIssued(null);
  }

  function saved(user: UserSummary) {
    closeRow('edit', user.id);
    setNotice(t('staff.edit.saved', { name: user.displayName }));
    if (user.id === session.userId) onSession({ ...session, displayName: user.displayName, role: user.role });
  }

  function ended(user: UserSummary) {
    setOpen(null);
    setNotice(t('staff.end.done', { name: user.displayName }));
    setEndedName(user.displayName);
    focusLater('caption');
  }

  function detail(user: UserSummary) {
    if (open?.kind !== 'row' || open.id !== user.id) return null;
    if (open.action === 'edit')
      return (
        <EditColleagueForm
          user={user}
          isSelf={user.id === session.userId}
          onSaved={saved}
          onCancel={() => closeRow('edit', user.id)}
        />
      );
    if (open.action === 'end') return <EndAccessConfirm user={user} onEnded={ended} onCancel={() => closeRow('end', user.id)} />;
    return <NewPassphraseConfirm user={user} onIssued={showIssued} onCancel={() => closeRow('renew', user.id)} />;
  }

  return (
    <Screen name="staff" title={t('staff.title')}>
      <div ref={root}>
        {issued ? (
          <OneTimePassphrasePanel
            user={issued.user}
            oneTimePassphrase={issued.oneTimePassphrase}
            reason={issued.reason}
            onDone={doneWithIssued}
          />
        ) : (
          <>
            <p className="lead">{t('staff.intro')}</p>
            {open?.kind === 'add' ? (
              <AddColleagueForm
                onCreated={(user, passphrase) => showIssued(user, passphrase, 'created')}
                onCancel={() => {
                  setOpen(null);
                  focusLater('add');
                }}
              />
            ) : (
              <div className="actions staff-add">
                <button
                  type="button"
                  className="button button-primary"
                  data-focus-key="add"
                  onClick={() => {
                    setNotice(null);
                    setOpen({ kind: 'add' });
                  }}
                >
                  {t('staff.add.open')}
                </button>
              </div>
            )}
            <StatusMessage tone="success">{notice}</StatusMessage>
            {endedName ? (
              <div className="notice notice-info staff-key-offer">
                <p>{t('staff.end.keyOffer', { name: endedName })}</p>
                <button type="button" className="button" onClick={onOpenKeyChange}>
                  {t('staff.end.keyOfferOpen')}
                </button>
              </div>
            ) : null}
            <QueryState query={query} loading={t('staff.loading')}>
              {(users) => (
                <StaffTable
                  users={users}
                  ownUserId={session.userId}
                  open={open?.kind === 'row' ? { action: open.action, id: open.id } : null}
                  onAction={toggleRow}
                  detail={detail}
                />
              )}
            </QueryState>
          </>
        )}
      </div>
    </Screen>
  );
}
