import { useEffect, useState } from 'react';
import { PARTICIPANT_PAGE_SIZE } from '@shared/participants';
import type { UserSummary } from '@shared/users';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import type { NameBook } from './describe';

/** Far more participants than a programme has; past it, codes of the rest show as ids. */
const MAX_PAGES = 40;

async function readParticipantCodes(): Promise<Map<string, string> | Failure> {
  const codes = new Map<string, string>();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    // The list is read without opening any file, so resolving codes adds nothing to the log.
    const result = await invoke('participants.list', {
      sort: 'pseudonym',
      offset: page * PARTICIPANT_PAGE_SIZE.max,
      limit: PARTICIPANT_PAGE_SIZE.max,
    });
    if (!result.ok) return result;
    for (const row of result.value.rows) codes.set(row.id, row.pseudonym);
    if (codes.size >= result.value.total || result.value.rows.length < PARTICIPANT_PAGE_SIZE.max) break;
  }
  return codes;
}

export interface NameBookState {
  /** Null until staff names are read. */
  names: NameBook | null;
  staff: readonly UserSummary[];
  failure: Failure | null;
}

/** Staff names and participants' codes, read once, to put names on the ids in the log. */
export function useNameBook(): NameBookState {
  const [state, setState] = useState<NameBookState>({ names: null, staff: [], failure: null });
  useEffect(() => {
    let current = true;
    void Promise.all([invoke('users.list', {}), readParticipantCodes()]).then(([users, codes]) => {
      if (!current) return;
      const staff = users.ok ? users.value : [];
      const failure = !users.ok ? users : codes instanceof Map ? null : codes;
      setState({
        names: {
          participants: codes instanceof Map ? codes : null,
          staff: new Map(staff.map((user) => [user.id, user.displayName])),
        },
        staff,
        failure,
      });
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}
