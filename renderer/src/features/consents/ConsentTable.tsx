import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentRecord, ConsentRegister, PurposeRegister } from '@shared/consents';
import { formatDay, formatMoment } from '../../i18n/format';

/** An action on the register; each opens its form or confirmation right under the purpose's row. */
export type ConsentAction =
  | { kind: 'record'; purpose: PurposeRegister['purpose'] }
  | { kind: 'withdraw'; purpose: PurposeRegister['purpose']; consentId: string }
  | { kind: 'override'; purpose: PurposeRegister['purpose'] }
  | { kind: 'revoke'; purpose: PurposeRegister['purpose']; overrideId: string };

/** The key that names an action's button, for focus after the action and for telling which one is open. */
export function actionKey(action: ConsentAction): string {
  if (action.kind === 'withdraw') return `withdraw:${action.consentId}`;
  if (action.kind === 'revoke') return `revoke:${action.overrideId}`;
  return `${action.kind}:${action.purpose}`;
}

interface ConsentTableProps {
  register: ConsentRegister;
  canWrite: boolean;
  canOverride: boolean;
  open: ConsentAction | null;
  onAction: (action: ConsentAction) => void;
  /** What is shown under a purpose's row while one of its actions is open. */
  detail: (purpose: PurposeRegister) => ReactNode;
}

const COLUMNS = 4;

/** The four purposes with their standing in words, what is in force, and what the reader may do about it. */
export function ConsentTable({ register, canWrite, canOverride, open, onAction, detail }: ConsentTableProps) {
  const { t } = useTranslation();
  const someone = t('consents.someone');

  function consentLines(consent: ConsentRecord) {
    return (
      <>
        {consent.partnerName ? (
          <p className="consent-partner">{t('consents.details.partner', { name: consent.partnerName })}</p>
        ) : null}
        <p>
          {t('consents.details.given', {
            date: formatDay(consent.givenOn),
            method: t(`consents.methods.${consent.method}`),
            name: consent.recordedByName ?? someone,
          })}
        </p>
        {consent.withholdFrom ? <p>{t('consents.details.withholdFrom', { who: consent.withholdFrom })}</p> : null}
        {consent.withholdReason ? (
          <p className="consent-multiline">{t('consents.details.withholdReason', { why: consent.withholdReason })}</p>
        ) : null}
      </>
    );
  }

  return (
    <table className="consent-table">
      <caption data-focus-key="caption" tabIndex={-1}>
        {t('consents.table.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('consents.table.purpose')}</th>
          <th scope="col">{t('consents.table.standing')}</th>
          <th scope="col">{t('consents.table.details')}</th>
          {canWrite || canOverride ? <th scope="col">{t('consents.table.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {register.purposes.map((row) => {
          const purposeName = t(`consents.purposes.${row.purpose}`);
          const inForce = row.consents.filter((c) => c.withdrawnOn === null);
          const override = row.overrides.find((o) => o.revokedAt === null);
          const latestWithdrawn = row.consents.find((c) => c.withdrawnOn !== null);
          const openHere = open?.purpose === row.purpose ? actionKey(open) : null;
          const detailId = `consent-detail-${row.purpose}`;
          const button = (action: ConsentAction, label: string, accessibleName: string, danger = false) => {
            const key = actionKey(action);
            return (
              <button
                key={key}
                type="button"
                className={danger ? 'button button-small button-danger-quiet' : 'button button-small button-secondary'}
                data-focus-key={key}
                aria-label={accessibleName}
                aria-expanded={openHere === key}
                aria-controls={openHere === key ? detailId : undefined}
                onClick={() => onAction(action)}
              >
                {label}
              </button>
            );
          };
          const sharing = row.purpose === 'partner_sharing';
          const actions = [
            canWrite && (sharing || inForce.length === 0)
              ? button(
                  { kind: 'record', purpose: row.purpose },
                  t(sharing && inForce.length > 0 ? 'consents.actions.recordPartner' : 'consents.actions.record'),
                  t('consents.actions.recordFor', { purpose: purposeName }),
                )
              : null,
            ...(canWrite
              ? inForce.map((c) =>
                  button(
                    { kind: 'withdraw', purpose: row.purpose, consentId: c.id },
                    t('consents.actions.withdraw'),
                    t('consents.actions.withdrawFor', { what: c.partnerName ? `${purposeName}, ${c.partnerName}` : purposeName }),
                    true,
                  ),
                )
              : []),
            canOverride && (row.standing === 'missing' || row.standing === 'withdrawn')
              ? button(
                  { kind: 'override', purpose: row.purpose },
                  t('consents.actions.override'),
                  t('consents.actions.overrideFor', { purpose: purposeName }),
                )
              : null,
            canOverride && override
              ? button(
                  { kind: 'revoke', purpose: row.purpose, overrideId: override.id },
                  t('consents.actions.revoke'),
                  t('consents.actions.revokeFor', { purpose: purposeName }),
                  true,
                )
              : null,
          ];
          return (
            <Fragment key={row.purpose}>
              <tr className={openHere ? 'consent-row consent-row-open' : 'consent-row'}>
                <th scope="row">{purposeName}</th>
                <td>
                  <span className={`consent-standing consent-standing-${row.standing}`}>
                    {t(`consents.standing.${row.standing}`)}
                  </span>
                </td>
                <td className="consent-details">
                  {inForce.map((c) => (
                    <div key={c.id} className="consent-entry">
                      {consentLines(c)}
                    </div>
                  ))}
                  {override ? (
                    <div className="consent-entry">
                      <p>
                        {t('consents.details.override', {
                          name: override.grantedByName ?? someone,
                          date: formatMoment(override.grantedAt),
                        })}
                      </p>
                      <p className="consent-multiline">{t('consents.details.overrideReason', { reason: override.reason })}</p>
                    </div>
                  ) : null}
                  {row.standing === 'withdrawn' && latestWithdrawn?.withdrawnOn ? (
                    <p>
                      {t('consents.details.withdrawn', {
                        date: formatDay(latestWithdrawn.withdrawnOn),
                        name: latestWithdrawn.withdrawalRecordedByName ?? someone,
                      })}
                    </p>
                  ) : null}
                  {row.standing === 'missing' ? <p>{t('consents.table.nothing')}</p> : null}
                </td>
                {canWrite || canOverride ? (
                  <td>
                    <div className="consent-actions">{actions}</div>
                  </td>
                ) : null}
              </tr>
              {openHere ? (
                <tr id={detailId} className="consent-detail">
                  <td colSpan={canWrite || canOverride ? COLUMNS : COLUMNS - 1}>{detail(row)}</td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
