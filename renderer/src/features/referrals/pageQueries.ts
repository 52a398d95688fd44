/**
 * The Referrals page's reads: the referrals across participants page by page, each page a query of its own as the
 * registry's are (registry/queries.ts).
 */
import type { InputOf } from '@shared/api';
import type { ReferralRow } from '@shared/referrals';
import { channelQuery } from '../../api/query';
import { PAGE_SIZE } from '../registry/queries';
import type { PageQuery } from '../registry/useParticipantPages';

export type ReferralListQuery = Omit<InputOf<'referrals.search'>, 'offset' | 'limit'>;
export type ReferralFilters = Omit<ReferralListQuery, 'sort' | 'direction'>;

/** How long a page out of view is kept for scrolling back, as the registry's. */
const PAGE_KEPT_MS = 30_000;

/** One page of the list; while a new list is on its way, the same page of the one before stays shown. */
export const referralPageQuery: PageQuery<ReferralListQuery, ReferralRow> = (query, page) => {
  const offset = page * PAGE_SIZE;
  return {
    ...channelQuery('referrals.search', { ...query, offset, limit: PAGE_SIZE }),
    gcTime: PAGE_KEPT_MS,
    retryOnMount: false,
    notifyOnChangeProps: ['data', 'error', 'isPlaceholderData'],
    placeholderData: (previous, previousQuery) => {
      const input = previousQuery?.queryKey.at(-1);
      return typeof input === 'object' && input !== null && 'offset' in input && input.offset === offset ? previous : undefined;
    },
  };
};
