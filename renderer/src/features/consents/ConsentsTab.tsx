import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { ConsentRegister, PurposeRegister } from '@shared/consents';
import { invalidateChannels } from '../../api/query';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useCan } from '../../shell/session';
import { ConsentHistory } from './ConsentHistory';
import { actionKey, ConsentTable, type ConsentAction } from './ConsentTable';
import { OverrideForm, RevokeOverride } from './OverrideForms';
import { RecordConsentForm } from './RecordConsentForm';
import { WithdrawConsent } from './WithdrawConsent';
import { consentsQuery } from './queries';
import './consents.css';

/**
 * A participant's consent register: per purpose its standing in words, what is in force, and the actions the
 * reader's role allows (record, withdraw; for the coordinator, allow without consent and end that permission).
 * Earlier records are listed below, collapsed.
 */
export function ConsentsTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const client = useQueryClient();
  const registerQuery = consentsQuery(participantId);
  const query = useQuery(registerQuery);
  const [open, setOpen] = useState<ConsentAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = useCan('participants.write');
  const canOverride = useCan('consents.override');

  function toggle(action: ConsentAction) {
    setNotice(null);
    if (open && actionKey(open) === actionKey(action)) return close(action);
    setOpen(action);
  }

  function close(action: ConsentAction) {
    setOpen(null);
    focusLater(actionKey(action));
  }

  /**
   * After a change: the register as the main side answered it, a sentence saying what happened. What the consent
   * allows elsewhere (writing notes) and the timeline are read again.
   */
  function changed(next: ConsentRegister, message: string, focusKey: string) {
    client.setQueryData(registerQuery.queryKey, next);
    void invalidateChannels(client, 'timeline.participant');
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
      <QueryState query={query} loading={t('consents.loading')}>
        {(register) => (
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
        )}
      </QueryState>
    </div>
  );
}
