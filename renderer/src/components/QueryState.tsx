import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../i18n/keys';
import type { Failure } from '@shared/errors';
import type { ChannelFailure } from '../api/query';

/** What the component needs of a query's result (a `useQuery` result is one). */
export interface QueryView<T> {
  data: T | undefined;
  error: ChannelFailure | null;
  isFetching: boolean;
  refetch: () => unknown;
}

interface QueryStateProps<T> {
  query: QueryView<T>;
  /** The sentence while the first answer is awaited; the general "loading" one when left out. */
  loading?: string;
  /** What stands in place of the data when there is none to show (e.g. "No partners yet."). */
  empty?: ReactNode;
  /** Whether the answer counts as empty; an empty list does when left out. */
  isEmpty?: (data: T) => boolean;
  /** A sentence that fits this screen better than the general one, by error code (an i18n key). */
  instead?: Partial<Record<Failure['code'], string>>;
  children: (data: T) => ReactNode;
}

const emptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * Refusals that asking again cannot change while the screen stays as it is: a consent not in force, or a record in a
 * state that does not allow it (e.g. a referral letter refused once partner sharing was withdrawn). Their sentence
 * says what to do instead, so no "try again" button is offered beside it.
 */
const STANDING_REFUSALS: ReadonlySet<Failure['code']> = new Set(['consent_required', 'invalid_transition']);

/**
 * One answer from the main side in its three states: a polite "loading" line until it comes, the data (or what
 * stands for none), and a refusal as the sentence a caseworker understands with a button to ask again. A failed
 * refresh keeps the data last shown under the message, so no load failure passes unseen.
 */
export function QueryState<T>({ query, loading, empty, isEmpty = emptyList, instead = {}, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  const { data, error } = query;
  return (
    <>
      <QueryFailure query={query} instead={instead} />
      {data !== undefined ? (
        empty !== undefined && isEmpty(data) ? (
          empty
        ) : (
          children(data)
        )
      ) : error ? null : (
        <p role="status" className="loading">
          {loading ?? t('common.fetching')}
        </p>
      )}
    </>
  );
}

/**
 * A query's refusal as the sentence a caseworker understands, with a button to ask again; nothing while there is
 * none. For data that is not shown as a whole (e.g. a select's choices), so that its failure is not silent.
 */
export function QueryFailure({
  query,
  instead = {},
}: {
  query: Pick<QueryView<unknown>, 'error' | 'isFetching' | 'refetch'>;
  instead?: Partial<Record<Failure['code'], string>>;
}) {
  const { t } = useTranslation();
  const { error } = query;
  if (!error) return null;
  return (
    <div role="alert" className="notice notice-error query-failure">
      <p>{translateKey(t, instead[error.failure.code] ?? error.failure.i18nKey)}</p>
      {STANDING_REFUSALS.has(error.failure.code) ? null : (
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={query.isFetching || undefined}
          onClick={() => {
            if (!query.isFetching) query.refetch();
          }}
        >
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
