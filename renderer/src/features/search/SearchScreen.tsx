import { Fragment, useEffect, useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEARCH_LIMIT, SEARCH_QUERY_MAX } from '@shared/search';
import { QueryFailure } from '../../components/QueryState';
import { Field } from '../../components/Field';
import { Screen } from '../../components/Screen';
import { formatDay } from '../../i18n/format';
import { useCan } from '../../shell/session';
import { searchQuery } from './queries';
import { snippetPieces } from './snippet';
import './search.css';

/** Typing must pause this long before a search runs; Enter searches at once. */
const TYPING_PAUSE_MS = 300;

/** Whether a query holds anything to search for (the main side agrees: it ignores punctuation). */
const hasWords = (query: string) => /[\p{L}\p{N}]/u.test(query);

function Snippet({ id, snippet }: { id: string; snippet: string }) {
  return (
    <p id={id} className="search-snippet">
      {snippetPieces(snippet).map((piece, i) =>
        piece.marked ? <mark key={i}>{piece.text}</mark> : <Fragment key={i}>{piece.text}</Fragment>,
      )}
    </p>
  );
}

/**
 * Full-text search over the guidance notes and psychosocial entries the user may read, as they type. Each hit
 * shows the participant's code, their name beside it when the user's role may see names (the main side leaves it
 * out otherwise), the date, which text matched and a snippet with the matched words marked; choosing the code opens
 * the participant's file. The number of hits is announced.
 */
export function SearchScreen({ onOpen }: { onOpen: (participantId: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  /** The query once typing has paused (or Enter was pressed): what is searched for. */
  const [settled, setSettled] = useState('');
  const seesPrivate = useCan('psychosocial.private');

  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const active = hasWords(settled);
  // Keyed by the query: an answer to an older one is never shown as this one's.
  const search = useQuery({ ...searchQuery(settled), enabled: active });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSettled(query);
  }

  const answered = active && (search.data !== undefined || search.error !== null);
  const current = answered ? search : null;
  const hits = current?.data?.hits ?? null;
  const failure = current?.error ?? null;
  const count = hits?.length ?? 0;
  const status = !active
    ? t('search.idle')
    : current === null
      ? t('search.searching')
      : failure
        ? null
        : count === 0
          ? t('search.none')
          : count >= SEARCH_LIMIT.default
            ? t('search.limited', { shown: count })
            : t('search.count', { count });

  return (
    <Screen name="search" title={t('search.title')} className="search-screen">
      <form role="search" onSubmit={submit} className="search-form">
        <Field
          label={t('search.label')}
          hint={seesPrivate ? t('search.hintWithPrivate') : t('search.hint')}
          type="search"
          maxLength={SEARCH_QUERY_MAX}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </form>
      <p role="status" className="search-status">
        {status}
      </p>
      {failure ? <QueryFailure query={search} /> : null}
      {hits && count > 0 ? (
        <ol className="search-results" aria-label={t('search.resultsLabel')}>
          {hits.map((hit, i) => {
            const meta = `${id}-meta-${i}`;
            const snippet = `${id}-snippet-${i}`;
            const name = `${id}-name-${i}`;
            return (
              <li key={`${hit.kind}:${hit.id}:${hit.field}`} className="search-hit">
                <p className="search-hit-head">
                  <button
                    type="button"
                    className="button-link search-hit-open"
                    aria-label={t('search.open', { pseudonym: hit.pseudonym })}
                    aria-describedby={`${hit.displayName === null ? '' : `${name} `}${meta} ${snippet}`}
                    onClick={() => onOpen(hit.participantId)}
                  >
                    {hit.pseudonym}
                  </button>
                  {hit.displayName === null ? null : (
                    <span id={name} className="search-hit-name">
                      {hit.displayName}
                    </span>
                  )}
                  <span id={meta} className="search-hit-meta">
                    {formatDay(hit.date)} ·{' '}
                    {t(`search.fields.${hit.kind === 'note' || hit.field === 'text' ? 'note' : hit.field}`)}
                  </span>
                </p>
                <Snippet id={snippet} snippet={hit.snippet} />
              </li>
            );
          })}
        </ol>
      ) : null}
    </Screen>
  );
}
