import type { UserSummary } from '@shared/users';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QueryView } from '../../components/QueryState';
import { useCan } from '../../shell/session';
import { everyInstrumentQuery } from '../assessments/queries';
import { wordingIn } from '../assessments/wording';
import { staffQuery } from '../staff/queries';
import { itemKey, type NameBook } from './describe';
import { participantCodesQuery } from './queries';

export interface NameBookState {
  /** Null until staff names and codes are read (or failed to be: ids are shown then). */
  names: NameBook | null;
  staff: readonly UserSummary[];
  /** The reads, so that a failure of any is said. */
  queries: readonly QueryView<unknown>[];
}

/** Staff names, participants' codes and the assessment items' wording, to put names on the ids in the log. */
export function useNameBook(): NameBookState {
  const { i18n } = useTranslation();
  const users = useQuery(staffQuery());
  const codes = useQuery(participantCodesQuery());
  const readsInstrument = useCan('assessments.read');
  const instruments = useQuery({ ...everyInstrumentQuery(), enabled: readsInstrument });
  const settled = (q: { data: unknown; error: unknown }) => q.data !== undefined || q.error !== null;
  const staff = users.data ?? [];
  const items = instruments.data
    ? new Map(
        instruments.data.flatMap((instrument) =>
          instrument.items.map((item) => [itemKey(instrument.version, item.id), wordingIn(item.wording, i18n.language)] as const),
        ),
      )
    : null;
  return {
    names:
      settled(users) && settled(codes)
        ? { participants: codes.data ?? null, staff: new Map(staff.map((user) => [user.id, user.displayName])), items }
        : null,
    staff,
    queries: readsInstrument ? [users, codes, instruments] : [users, codes],
  };
}
