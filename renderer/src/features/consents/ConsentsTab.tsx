import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { ConsentRegister, PurposeRegister } from '@shared/consents';
import type { Failure } from '@shared/errors';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { usePendingFocus } from '../../components/usePendingFocus';
import { ConsentHistory } from './ConsentHistory';
import { actionKey, ConsentTable, type ConsentAction } from './ConsentTable';
import { OverrideForm, RevokeOverride } from './OverrideForms';
import { RecordConsentForm } from './RecordConsentForm';
import { WithdrawConsent } from './WithdrawConsent';
import './consents.css';

/**
 * A participant's consent register: per purpose its standing in words, what is in force, and the actions the
 * reader's role allows (record, withdraw; for the coordinator, allow without consent and end that permission).
 * Earlier records are listed below, collapsed.
 */
export function ConsentsTab({ session, participantId }: { session: SessionInfo; participantId: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const [register, setRegister] = useState<ConsentRegister | null>(null);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [open, setOpen] = useState<ConsentAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = roleHolds(session.role, 'participants.write');
  const canOverride = roleHolds(session.role, 'consents.override');

  useEffect(() => {
    let current = true;
    void invoke('consents.list', { participantId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadFailure(result);
      setLoadFailure(null);
      setRegister(result.value);
    });
    return () => {
      current = false;
    };
  }, [participantId]);

  function toggle(action: ConsentAction) {
    setNotice(null);
    if (open && actionKey(open) === actionKey(action)) return close(action);
    setOpen(action);
  }

  function close(action: ConsentAction) {
    setOpen(null);
    focusLater(actionKey(action));
  }

  /** After a change: the register as the main side now has it, a sentence saying what happened. */
  function changed(next: ConsentRegister, message: string, focusKey: string) {
    setRegister(next);
    setOpen(null);
    setNotice(message);
    focusLater(focusKey);
  }

  function detail(row: PurposeRegister) {
    if (!open || open.purpose !== row.purpose) return null;
    const purpose = t(`consents.purposes.${row.purpose}`);
    const cancel = () => close(open);
    if (open.kind === 'record')
      return (
        <RecordConsentForm
          participantId={participantId}
          purpose={row.purpose}
          onSaved={(next) => changed(next, t('consents.record.saved', { purpose }), 'caption')}
          onCancel={cancel}
        />
      );
    if (open.kind === 'override')
      return (
        <OverrideForm
          participantId={participantId}
          purpose={row.purpose}
          onGranted={(next) => changed(next, t('consents.override.done', { purpose }), 'caption')}
          onCancel={cancel}
        />
      );
    if (open.kind === 'withdraw') {
      const consent = row.consents.find((c) => c.id === open.consentId);
      if (!consent) return null;
      return (
        <WithdrawConsent
          consent={consent}
          what={consent.partnerName ? `${purpose}, ${consent.partnerName}` : purpose}
          onWithdrawn={(next) => changed(next, t('consents.withdraw.done', { purpose }), 'caption')}
          onCancel={cancel}
        />
      );
    }
    const override = row.overrides.find((o) => o.id === open.overrideId);
    if (!override) return null;
    return (
      <RevokeOverride
        override={override}
        onRevoked={(next) => changed(next, t('consents.revoke.done', { purpose }), 'caption')}
        onCancel={cancel}
      />
    );
  }

  return (
    <div ref={root} className="consents-tab">
      <h2>{t('consents.title')}</h2>
      <p>{t('consents.intro')}</p>
      <StatusMessage tone="success">{notice}</StatusMessage>
      <ErrorMessage failure={loadFailure} />
      {register ? (
        <>
          <ConsentTable
            register={register}
            canWrite={canWrite}
            canOverride={canOverride}
            open={open}
            onAction={toggle}
            detail={detail}
          />
          <ConsentHistory register={register} />
        </>
      ) : loadFailure ? null : (
        <p role="status" className="loading">
          {t('consents.loading')}
        </p>
      )}
    </div>
  );
}
