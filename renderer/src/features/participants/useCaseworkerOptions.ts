import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QueryView } from '../../components/QueryState';
import type { SelectOption } from '../../components/SelectField';
import { caseworkersQuery } from './queries';

/** Someone already responsible for a participant, who may since have left the list of active staff. */
export interface CurrentCaseworker {
  id: string;
  name: string;
}

/** The choices of a "responsible caseworker" select, and the query behind them so that a failure is shown. */
export interface CaseworkerChoices {
  options: SelectOption[];
  query: QueryView<unknown>;
}

/**
 * The people who can be made responsible for a participant, as choices after "no one yet". The one already
 * responsible stays a choice even when no longer on the list, so that editing other fields keeps them.
 */
export function useCaseworkerOptions(current: CurrentCaseworker | null): CaseworkerChoices {
  const { t } = useTranslation();
  const query = useQuery(caseworkersQuery());
  const people = query.data ?? [];
  const listed = people.map((p) => ({ value: p.id, label: p.displayName }));
  const missing = current && !people.some((p) => p.id === current.id) ? [{ value: current.id, label: current.name }] : [];
  return { options: [{ value: '', label: t('participant.noCaseworker') }, ...missing, ...listed], query };
}
