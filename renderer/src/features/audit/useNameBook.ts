import type { UserSummary } from '@shared/users';
import { useQuery } from '@tanstack/react-query';
import type { QueryView } from '../../components/QueryState';
import { staffQuery } from '../staff/queries';
import type { NameBook } from './describe';
import { participantCodesQuery } from './queries';

export interface NameBookState {
  /** Null until staff names and codes are read (or failed to be: ids are shown then). */
  names: NameBook | null;
  staff: readonly UserSummary[];
  /** The two reads, so that a failure of either is said. */
  queries: readonly QueryView<unknown>[];
}

/** Staff names and participants' codes, to put names on the ids in the log. */
export function useNameBook(): NameBookState {
  const users = useQuery(staffQuery());
  const codes = useQuery(participantCodesQuery());
  const settled = (q: { data: unknown; error: unknown }) => q.data !== undefined || q.error !== null;
  const staff = users.data ?? [];
  return {
    names:
      settled(users) && settled(codes)
        ? { participants: codes.data ?? null, staff: new Map(staff.map((user) => [user.id, user.displayName])) }
        : null,
    staff,
    queries: [users, codes],
  };
}
