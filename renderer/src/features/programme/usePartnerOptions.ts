import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '@shared/sessions';
import type { QueryView } from '../../components/QueryState';
import type { SelectOption } from '../../components/SelectField';
import { partnerListQuery } from '../partners/queries';

/**
 * "None" and the active partner organisations; the session's partner stays a choice when no longer active.
 * Without any partner on record the list holds "None" alone and the form leaves the choice out. The query comes
 * along so that a failure to load them is shown in the form.
 */
export function usePartnerOptions(session: Session): { options: SelectOption[]; query: QueryView<unknown> } {
  const { t } = useTranslation();
  const query = useQuery(partnerListQuery());
  const partners = query.data ?? [];
  const listed = partners.filter((p) => p.active || p.id === session.partnerId).map((p) => ({ value: p.id, label: p.name }));
  const missing =
    session.partnerId && !listed.some((p) => p.value === session.partnerId)
      ? [{ value: session.partnerId, label: session.partnerName ?? session.partnerId }]
      : [];
  return { options: [{ value: '', label: t('programme.sessions.noPartner') }, ...missing, ...listed], query };
}
