import { useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { CohortSummary } from '@shared/cohorts';
import { LIMITED_SORT_KEYS, PARTICIPANT_SORT_KEYS } from '@shared/participants';
import { hasLimitedRegistry, LIMITED_COLUMNS, REGISTRY_COLUMNS, type RegistryViewState, type SavedView } from '@shared/views';
import { invoke } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { useCan, useSession } from '../../shell/session';
import { caseworkersQuery } from '../participants/queries';
import { cohortListQuery } from '../programme/queries';
import { ImportDialog } from '../handover/ImportDialog';
import { ColumnChooser } from './ColumnChooser';
import { CohortFilter, FilterChips, RegistryFilters, RegistrySearch, useFilterChips } from './RegistryFilters';
import { FiltersToggle, PagedListFrame } from './PagedListFrame';
import { RegistryTable } from './RegistryTable';
import { SavedViews } from './SavedViews';
import { useDebounced } from './useDebounced';
import { savedViewsQuery, type ListQuery } from './queries';
import { useRegistryList } from './useParticipantPages';
import { hasFilters, usableState } from './viewState';
import './registry.css';

interface RegistryScreenProps {
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
export function RegistryScreen({ onOpen, onCreate }: RegistryScreenProps) {
  const { t } = useTranslation();
  const limited = hasLimitedRegistry(useSession().role);
  const canCreate = useCan('participants.write');
  const views = useQuery(savedViewsQuery());
  const caseworkers = useQuery({ ...caseworkersQuery(), enabled: !limited });
  const cohorts = useQuery(cohortListQuery());
  const setup: Setup | null =
    views.data && cohorts.data && (limited || caseworkers.data)
      ? {
          views: views.data.views,
          state: usableState(views.data.last, limited),
          caseworkers: caseworkers.data ?? [],
          cohorts: cohorts.data,
        }
      : null;
  // The three answers shown as one: the first refusal among them, with its own "try again".
  const failed = [views, caseworkers, cohorts].find((q) => q.error) ?? views;

  return (
    <Screen name="participants" title={t('registry.title')} className="registry-screen">
      <QueryState
        query={{ data: setup ?? undefined, error: failed.error, isFetching: failed.isFetching, refetch: failed.refetch }}
        loading={t('registry.counting')}
      >
        {(ready) => <Registry setup={ready} limited={limited} canCreate={canCreate} onOpen={onOpen} onCreate={onCreate} />}
      </QueryState>
    </Screen>
  );
}

interface RegistryProps {
  setup: Setup;
  limited: boolean;
  canCreate: boolean;
  onOpen: (participantId: string) => void;
  onCreate: () => void;
}

function Registry({ setup, limited, canCreate, onOpen, onCreate }: RegistryProps) {
  const { t } = useTranslation();
  const [state, setState] = useState(setup.state);
  const [views, setViews] = useState(setup.views);
  const [search, setSearch] = useState('');
  const cohorts = setup.cohorts;
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const searched = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const chips = useFilterChips({ filters: state.filters, caseworkers: setup.caseworkers, cohorts });

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
  const pages = useRegistryList(query);
  const narrowed = hasFilters(state) || searched !== '';

  function clearFilters() {
    setSearch('');
    arrange({ ...state, filters: {} });
  }

  const onFilters = (filters: RegistryViewState['filters']) => arrange({ ...state, filters });

  // The list takes the screen: the search, the folded filters and the saved views share one row, the filters in
  // use show as chips, and the table scrolls on its own while the page stays put.
  return (
    <>
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
      {importing ? (
        <ImportDialog
          onImported={onOpen}
          onClose={() => {
            setImporting(false);
            requestAnimationFrame(() => importButton.current?.focus());
          }}
        />
      ) : null}
      {limited ? <p className="registry-limited">{t('registry.limitedNote')}</p> : null}
      <div className="registry-bar">
        <RegistrySearch limited={limited} search={search} onSearch={setSearch} />
        {limited ? (
          <CohortFilter filters={state.filters} onFilters={onFilters} cohorts={cohorts} />
        ) : (
          <FiltersToggle
            open={filtersOpen}
            onToggle={() => setFiltersOpen((open) => !open)}
            controls={filtersId}
            label={chips.length > 0 ? t('registry.filters.toggleActive', { count: chips.length }) : t('registry.filters.toggle')}
          />
        )}
        <SavedViews views={views} state={state} onApply={(view) => arrange(view.state)} onViewsChange={setViews} />
        <ColumnChooser
          available={limited ? LIMITED_COLUMNS : REGISTRY_COLUMNS}
          shown={state.columns}
          onChange={(columns) => arrange({ ...state, columns })}
        />
      </div>
      {limited ? null : (
        <RegistryFilters
          id={filtersId}
          hidden={!filtersOpen}
          filters={state.filters}
          onFilters={onFilters}
          caseworkers={setup.caseworkers}
          cohorts={cohorts}
        />
      )}
      <PagedListFrame
        list={pages}
        narrowed={narrowed}
        chips={limited || filtersOpen ? null : <FilterChips chips={chips} onFilters={onFilters} />}
        onClear={clearFilters}
        texts={{
          counting: t('registry.counting'),
          count: (count, formatted) => t('registry.count', { count, formatted }),
          empty: { title: t('registry.empty.title'), advice: t(canCreate ? 'registry.empty.write' : 'registry.empty.read') },
          noMatches: { title: t('registry.noMatches.title'), advice: t('registry.noMatches.advice') },
          clear: t('registry.filters.clear'),
          openHint: t('registry.table.openHint'),
        }}
      >
        <RegistryTable
          list={pages}
          columns={state.columns}
          sort={state.sort}
          sortable={limited ? LIMITED_SORT_KEYS : PARTICIPANT_SORT_KEYS}
          onSort={(sort) => arrange({ ...state, sort })}
          onOpen={onOpen}
        />
      </PagedListFrame>
    </>
  );
}
