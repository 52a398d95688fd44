import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ParticipantPage } from '@shared/participants';
import { Field } from '../../components/Field';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryFailure } from '../../components/QueryState';
import { useDebounced } from '../registry/useDebounced';
import { participantMatchesQuery } from './queries';

/** A participant chosen for the filter: the id goes to the query, the code is what the user sees. */
export interface ChosenParticipant {
  id: string;
  pseudonym: string;
}

interface Match extends ChosenParticipant {
  name: string;
}

const SEARCH_DELAY_MS = 250;

function matchesOf(page: ParticipantPage): Match[] {
  if (page.view === 'limited')
    return page.rows.map((row) => ({ id: row.id, pseudonym: row.pseudonym, name: row.firstName ?? '' }));
  return page.rows.map((row) => ({
    id: row.id,
    pseudonym: row.pseudonym,
    name: [row.preferredName ?? row.firstName, row.lastName].filter(Boolean).join(' '),
  }));
}

interface ParticipantPickerProps {
  chosen: ChosenParticipant | null;
  onChoose: (participant: ChosenParticipant | null) => void;
}

/**
 * Finds a participant by code or name and picks one for the audit filter. The matches are plain buttons in a
 * list (reached with Tab, announced with their count), which every screen reader handles without surprises.
 */
export function ParticipantPicker({ chosen, onChoose }: ParticipantPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DELAY_MS);
  // Nothing is asked for an empty field; matches of another text than the one typed are not shown.
  const found = useQuery({ ...participantMatchesQuery(search), enabled: search !== '' && !chosen, select: matchesOf });
  const current = search === text.trim();
  const input = useRef<HTMLInputElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'input' | 'remove' | null>(null);

  // Focus moves once the element to receive it is on the page. A render in between (a debounced search, a query
  // settling) keeps the request rather than spending it on an element that is not there yet.
  useLayoutEffect(() => {
    const target = focusNext.current === 'input' ? input.current : focusNext.current === 'remove' ? remove.current : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  function choose(match: Match) {
    focusNext.current = 'remove';
    setText('');
    onChoose({ id: match.id, pseudonym: match.pseudonym });
  }

  function clear() {
    focusNext.current = 'input';
    onChoose(null);
  }

  if (chosen)
    return (
      <div className="field audit-participant" role="group" aria-labelledby={`${id}-label`}>
        <p id={`${id}-label`} className="audit-participant-label">
          {t('audit.filters.participant')}
        </p>
        <p className="audit-chosen">
          <span id={`${id}-chosen`}>{t('audit.filters.participantChosen', { code: chosen.pseudonym })}</span>
          <button
            ref={remove}
            type="button"
            className="button button-small button-secondary"
            aria-describedby={`${id}-chosen`}
            onClick={clear}
          >
            {t('audit.filters.participantRemove')}
          </button>
        </p>
      </div>
    );

  // Matches of an older search, or of text still being typed, are not shown.
  const matches = current && search !== '' ? (found.data ?? (found.error ? [] : null)) : null;
  const failure = current && search !== '' ? found.error : null;
  const summary =
    matches === null || failure
      ? null
      : matches.length === 0
        ? t('audit.filters.participantNone')
        : t('audit.filters.participantResults', { count: matches.length });

  return (
    <div className="audit-participant">
      <Field
        ref={input}
        label={t('audit.filters.participant')}
        hint={t('audit.filters.participantHint')}
        type="search"
        maxLength={80}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter here means "search", not "show entries" with a half-typed name.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <StatusMessage>{summary}</StatusMessage>
      {failure ? <QueryFailure query={found} /> : null}
      {matches && matches.length > 0 ? (
        <ul className="audit-matches" aria-label={t('audit.filters.participantListLabel')}>
          {matches.map((match) => (
            <li key={match.id}>
              <button type="button" className="button button-small button-quiet audit-match" onClick={() => choose(match)}>
                <span className="audit-match-code">{match.pseudonym}</span>
                {match.name ? <span className="audit-match-name">{match.name}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
