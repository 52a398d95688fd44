import { Fragment, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/api';
import type { SessionInfo } from '@shared/vault';
import type { Result } from '@shared/errors';
import { SEARCH_LIMIT, SEARCH_QUERY_MAX } from '@shared/search';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Screen } from '../../components/Screen';
import { formatDay } from '../notes/format';
import { snippetPieces } from './snippet';
import './search.css';

/** Typing must pause this long before a search runs; Enter searches at once. */
const TYPING_PAUSE_MS = 300;

interface Answer {
  query: string;
  result: Result<OutputOf<'search.notes'>>;
}

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
export function SearchScreen({ session, onOpen }: { session: SessionInfo; onOpen: (participantId: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  /** The query once typing has paused (or Enter was pressed): what is searched for. */
  const [settled, setSettled] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const latest = useRef(0);
  const seesPrivate = roleHolds(session.role, 'psychosocial.private');

  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (!hasWords(settled)) return;
    const request = ++latest.current;
    void invoke('search.notes', { query: settled.slice(0, SEARCH_QUERY_MAX) }).then((result) => {
      // An answer to an older query that arrives late is dropped.
      if (request === latest.current) setAnswer({ query: settled, result });
    });
  }, [settled]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSettled(query);
  }

  const active = hasWords(settled);
  const current = active && answer?.query === settled ? answer.result : null;
  const hits = current?.ok ? current.value.hits : null;
  const failure = current && !current.ok ? current : null;
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
      <ErrorMessage failure={failure} />
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
                    {formatDay(hit.date)} · {t(`search.fields.${hit.kind === 'note' ? 'note' : hit.field}`)}
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
