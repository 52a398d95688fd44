import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/users';

/** The per-row actions; each one opens its form or confirmation right under the row. */
export type RowAction = 'edit' | 'renew' | 'end';

interface StaffTableProps {
  users: readonly UserSummary[];
  ownUserId: string;
  /** The row action open now, if any. */
  open: { action: RowAction; id: string } | null;
  onAction: (action: RowAction, user: UserSummary) => void;
  /** What is shown under a row while one of its actions is open. */
  detail: (user: UserSummary) => ReactNode;
}

type Status = 'active' | 'waiting' | 'ended';

function statusOf(user: UserSummary): Status {
  if (!user.active) return 'ended';
  return user.mustChangePassphrase ? 'waiting' : 'active';
}

const COLUMNS = 4;

/** Everyone with an account: name, role, whether they can open Polku, and what the coordinator can do. */
export function StaffTable({ users, ownUserId, open, onAction, detail }: StaffTableProps) {
  const { t } = useTranslation();
  return (
    <table className="staff-table">
      <caption data-focus-key="caption" tabIndex={-1}>
        {t('staff.table.caption', { count: users.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.table.name')}</th>
          <th scope="col">{t('staff.table.role')}</th>
          <th scope="col">{t('staff.table.status')}</th>
          <th scope="col">{t('staff.table.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const self = user.id === ownUserId;
          const status = statusOf(user);
          const name = user.displayName;
          const openHere = open?.id === user.id ? open.action : null;
          const detailId = `staff-detail-${user.id}`;
          const button = (action: RowAction, label: string, accessibleName: string) => (
            <button
              type="button"
              className={action === 'end' ? 'button button-small button-danger-quiet' : 'button button-small button-secondary'}
              data-focus-key={`${action}:${user.id}`}
              aria-label={accessibleName}
              aria-expanded={openHere === action}
              aria-controls={openHere === action ? detailId : undefined}
              onClick={() => onAction(action, user)}
            >
              {label}
            </button>
          );
          return (
            <Fragment key={user.id}>
              <tr className={openHere ? 'staff-row staff-row-open' : 'staff-row'}>
                <th scope="row" className="staff-name">
                  {name}
                  {self ? <span className="staff-you"> ({t('staff.table.you')})</span> : null}
                </th>
                <td>{t(`roles.${user.role}`)}</td>
                <td>
                  <span className={`staff-status staff-status-${status}`}>{t(`staff.status.${status}`)}</span>
                </td>
                <td>
                  <div className="staff-actions">
                    {button('edit', t('staff.actions.edit'), t('staff.actions.editFor', { name }))}
                    {self ? null : user.active ? (
                      <>
                        {button('renew', t('staff.actions.renew'), t('staff.actions.renewFor', { name }))}
                        {button('end', t('staff.actions.end'), t('staff.actions.endFor', { name }))}
                      </>
                    ) : (
                      button('renew', t('staff.actions.restore'), t('staff.actions.restoreFor', { name }))
                    )}
                  </div>
                </td>
              </tr>
              {openHere ? (
                <tr id={detailId} className="staff-detail">
                  <td colSpan={COLUMNS}>{detail(user)}</td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
