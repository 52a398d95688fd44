/** The audit view's reads: the log a page at a time, participants' codes for its ids, and the picker's matches. */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { PARTICIPANT_PAGE_SIZE } from '@shared/participants';
import { callChannel, channelKey, channelQuery } from '../../api/query';
import { listInput, type AuditQuery } from './query';

/** Far more participants than a programme has; past it, codes of the rest show as ids. */
const MAX_PAGES = 40;
const MAX_MATCHES = 8;

/** The log's entries matching a query, newest first; each further page is the one before the oldest shown. */
export const auditLogQuery = (query: AuditQuery) =>
  infiniteQueryOptions({
    queryKey: channelKey('audit.list', listInput(query)),
    queryFn: ({ pageParam }) => callChannel('audit.list', listInput(query, pageParam)),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.entries.at(-1)?.id : undefined),
  });

/**
 * Every participant's code by id, read page by page. The list is read without opening any file, so resolving
 * codes adds nothing to the log.
 */
export const participantCodesQuery = () => ({
  queryKey: ['participants', 'list', 'every code'],
  queryFn: async () => {
    const codes = new Map<string, string>();
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await callChannel('participants.list', {
        sort: 'pseudonym',
        offset: page * PARTICIPANT_PAGE_SIZE.max,
        limit: PARTICIPANT_PAGE_SIZE.max,
      });
      for (const row of answer.rows) codes.set(row.id, row.pseudonym);
      if (codes.size >= answer.total || answer.rows.length < PARTICIPANT_PAGE_SIZE.max) break;
    }
    return codes;
  },
});

/** The participants whose code or name matches what was typed in the picker. */
export const participantMatchesQuery = (search: string) =>
  channelQuery('participants.list', { search, sort: 'pseudonym', limit: MAX_MATCHES });
