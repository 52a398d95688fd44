/** The search's reads. */
import { SEARCH_QUERY_MAX } from '@shared/search';
import { channelQuery } from '../../api/query';

/** The notes and entries matching a query; snippets hold personal data, so an answer is kept only while shown. */
export const searchQuery = (query: string) => ({
  ...channelQuery('search.notes', { query: query.slice(0, SEARCH_QUERY_MAX) }),
  gcTime: 0,
});
