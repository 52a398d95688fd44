import { useQuery } from '@tanstack/react-query';
import type { QueryView } from '../../components/QueryState';
import { useCan } from '../../shell/session';
import { staffOptionsQuery } from './queries';

export interface StaffOption {
  id: string;
  displayName: string;
}

/**
 * The active colleagues, of any role, who can be put on a cohort's staff; empty for those who cannot set it (and
 * not asked for then). The query comes along so that a failure to load them is shown at the choice.
 */
export function useStaffOptions(): { people: StaffOption[]; query: QueryView<unknown> } {
  const canChoose = useCan('programme.write');
  const query = useQuery({ ...staffOptionsQuery(), enabled: canChoose });
  const people = (query.data ?? []).map((u) => ({ id: u.userId, displayName: u.displayName }));
  return { people, query };
}
