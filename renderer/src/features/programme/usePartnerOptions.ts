import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerSummary } from '@shared/partners';
import type { Session } from '@shared/sessions';
import { invoke } from '../../api/client';
import type { SelectOption } from '../../components/SelectField';

/**
 * "None" and the active partner organisations; the session's partner stays a choice when no longer active.
 * Without any partner on record the list holds "None" alone and the form leaves the choice out.
 */
export function usePartnerOptions(session: Session): SelectOption[] {
  const { t } = useTranslation();
  const [partners, setPartners] = useState<PartnerSummary[]>([]);

  useEffect(() => {
    let live = true;
    void invoke('partners.list', {}).then((result) => {
      if (live && result.ok) setPartners(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const listed = partners.filter((p) => p.active || p.id === session.partnerId).map((p) => ({ value: p.id, label: p.name }));
  const missing =
    session.partnerId && !listed.some((p) => p.value === session.partnerId)
      ? [{ value: session.partnerId, label: session.partnerName ?? session.partnerId }]
      : [];
  return [{ value: '', label: t('programme.sessions.noPartner') }, ...missing, ...listed];
}
