import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { CohortSummary } from '@shared/cohorts';
import type { Failure } from '@shared/errors';
import { LIMITED_SORT_KEYS, PARTICIPANT_SORT_KEYS } from '@shared/participants';
import { roleHolds } from '@shared/roles';
import { hasLimitedRegistry, LIMITED_COLUMNS, REGISTRY_COLUMNS, type RegistryViewState, type SavedView } from '@shared/views';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { ImportDialog } from '../handover/ImportDialog';
import { ColumnChooser } from './ColumnChooser';
import { RegistryFilters } from './RegistryFilters';
import { RegistryTable } from './RegistryTable';
import { SavedViews } from './SavedViews';
import { useDebounced } from './useDebounced';
import { useParticipantPages, type ListQuery } from './useParticipantPages';
import { hasFilters, usableState } from './viewState';
import './registry.css';

interface RegistryScreenProps {
  session: SessionInfo;
  onOpen: (participantId: string) => void;
  onCreate: () => void;
}

interface Setup {
  views: SavedView[];
  state: RegistryViewState;
  caseworkers: { id: string; displayName: string }[];
  cohorts: CohortSummary[];
}

const SEARCH_DELAY_MS = 300;

/**
 * The participant registry: every participant the reader may see, as a virtualized table sorted and filtered
 * on the main side, with a quick search, a column chooser and the user's saved views. It opens as the user
 * last left it (kept in the encrypted database); the quick search is not kept.
 */
export function RegistryScreen({ session, onOpen, onCreate }: RegistryScreenProps) {
  const { t } = useTranslation();
  const limited = hasLimitedRegistry(session.role);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      const [views, caseworkers, cohorts] = await Promise.all([
        invoke('views.list', { screen: 'participants' }),
        limited ? Promise.resolve(null) : invoke('participants.caseworkers', {}),
        invoke('cohorts.list', {}),
      ]);
      if (!current) return;
      if (!views.ok) return setFailure(views);
      if (caseworkers && !caseworkers.ok) return setFailure(caseworkers);
      if (!cohorts.ok) return setFailure(cohorts);
      setSetup({
        views: views.value.views,
        state: usableState(views.value.last, limited),
        caseworkers: caseworkers?.value ?? [],
        cohorts: cohorts.value,
      });
    })();
    return () => {
      current = false;
    };
  }, [limited]);

  return (
    <Screen name="participants" title={t('registry.title')} className="registry-screen">
      {setup ? (
        <Registry
          session={session}
          setup={setup}
          limited={limited}
          canCreate={roleHolds(session.role, 'participants.write')}
          onOpen={onOpen}
          onCreate={onCreate}
        />
      ) : failure ? (
        <ErrorMessage failure={failure} />
      ) : (
        <p role="status" className="loading">
          {t('registry.counting')}
        </p>
      )}
    </Screen>
  );
}

interface RegistryProps {
  session: SessionInfo;
  setup: Setup;
  limited: boolean;
  canCreate: boolean;
  onOpen: (participantId: string) => void;
  onCreate: () => void;
}

function Registry({ session, setup, limited, canCreate, onOpen, onCreate }: RegistryProps) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState(setup.state);
  const [views, setViews] = useState(setup.views);
  const [search, setSearch] = useState('');
  const cohorts = setup.cohorts;
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const searched = useDebounced(search.trim(), SEARCH_DELAY_MS);

  /** Shows an arrangement and remembers it as the one to open with next time. */
  function arrange(next: RegistryViewState) {
    const usable = usableState(next, limited);
    setState(usable);
    void invoke('views.saveLast', { screen: 'participants', state: usable });
  }

  const query: ListQuery = {
    ...state.filters,
    ...(searched ? { search: searched } : {}),
    sort: state.sort.key,
    direction: state.sort.direction,
  };
  const { shown: pages, latest, version } = useParticipantPages(query);
  const total = pages.total;
  const narrowed = hasFilters(state) || searched !== '';
  // Formatted once per total and language: the screen re-renders whenever a page of rows arrives.
  const language = i18n.language;
  const formattedTotal = useMemo(() => (total === null ? '' : new Intl.NumberFormat(language).format(total)), [total, language]);

  const countText =
    total === null
      ? latest.failure
        ? ''
        : t('registry.counting')
      : total === 0
        ? t(narrowed ? 'registry.noMatches.title' : 'registry.empty.title')
        : t('registry.count', { count: total, formatted: formattedTotal });

  function clearFilters() {
    setSearch('');
    arrange({ ...state, filters: {} });
  }

  return (
    <>
      <div className="registry-top">
        <SavedViews views={views} state={state} onApply={(view) => arrange(view.state)} onViewsChange={setViews} />
        {canCreate ? (
          <div className="registry-new">
            <button
              ref={importButton}
              type="button"
              className="button button-secondary"
              aria-haspopup="dialog"
              onClick={() => setImporting(true)}
            >
              {t('handover.import.open')}
            </button>
            <button type="button" className="button button-primary" onClick={onCreate}>
              {t('registry.newParticipant')}
            </button>
          </div>
        ) : null}
      </div>
      {importing ? (
        <ImportDialog
          session={session}
          onImported={onOpen}
          onClose={() => {
            setImporting(false);
            requestAnimationFrame(() => importButton.current?.focus());
          }}
        />
      ) : null}
      {limited ? <p className="registry-limited">{t('registry.limitedNote')}</p> : null}
      <RegistryFilters
        limited={limited}
        search={search}
        onSearch={setSearch}
        filters={state.filters}
        onFilters={(filters) => arrange({ ...state, filters })}
        caseworkers={setup.caseworkers}
        cohorts={cohorts}
      />
      <div className="registry-toolbar">
        <p role="status" className="registry-count">
          {countText}
        </p>
        {narrowed ? (
          <button type="button" className="button-link" onClick={clearFilters}>
            {t('registry.filters.clear')}
          </button>
        ) : null}
        <ColumnChooser
          available={limited ? LIMITED_COLUMNS : REGISTRY_COLUMNS}
          shown={state.columns}
          onChange={(columns) => arrange({ ...state, columns })}
        />
      </div>
      {latest.failure ? (
        <div className="registry-failure">
          <ErrorMessage failure={latest.failure} />
          <button type="button" className="button button-secondary button-small" onClick={() => latest.retry()}>
            {t('registry.retry')}
          </button>
        </div>
      ) : null}
      {total === 0 ? (
        <div className="registry-empty">
          <p>{narrowed ? t('registry.noMatches.advice') : t(canCreate ? 'registry.empty.write' : 'registry.empty.read')}</p>
        </div>
      ) : (
        <>
          <RegistryTable
            pages={pages}
            version={version}
            queryKey={pages.key}
            busy={pages !== latest}
            columns={state.columns}
            sort={state.sort}
            sortable={limited ? LIMITED_SORT_KEYS : PARTICIPANT_SORT_KEYS}
            onSort={(sort) => arrange({ ...state, sort })}
            onOpen={onOpen}
          />
          <p className="registry-hint">{t('registry.table.openHint')}</p>
        </>
      )}
    </>
  );
}
