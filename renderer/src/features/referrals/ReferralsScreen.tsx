/**
 * The Referrals page: every participant's referrals in one list, filtered, sorted and paged on the main side
 * (referrals.search), in the registry's virtual grid. A row opens the participant's file at its Referrals tab.
 */
import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SORT_KEYS, REFERRAL_STATUSES, SERVICE_TYPES, type ReferralRow, type ReferralSortKey } from '@shared/referrals';
import { QueryState } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { SelectField } from '../../components/SelectField';
import { useOpenPlace } from '../../shell/navigation';
import { caseworkersQuery } from '../participants/queries';
import { partnerListQuery } from '../partners/queries';
import { CodeChoices, FilterChips, type Chip } from '../registry/RegistryFilters';
import { FiltersToggle, PagedListFrame } from '../registry/PagedListFrame';
import { usePagedList, type PagedList } from '../registry/useParticipantPages';
import { VirtualGrid, type GridSort } from '../registry/VirtualGrid';
import {
  REFERRAL_COLUMN_SORT_KEYS,
  REFERRAL_COLUMN_WIDTHS,
  REFERRAL_PAGE_COLUMNS,
  referralPageColumns,
  type ReferralPageColumn,
} from './pageColumns';
import { referralPageQuery, type ReferralFilters, type ReferralListQuery } from './pageQueries';
import '../registry/registry.css';
import './referrals-page.css';

interface Option {
  id: string;
  name: string;
}

interface Choices {
  partners: Option[];
  caseworkers: Option[];
}

/** The list opens with the referrals that wait longest for an answer at the top. */
const DEFAULT_SORT: GridSort<ReferralSortKey> = { key: 'followUpOn', direction: 'asc' };

export function ReferralsScreen() {
  const { t } = useTranslation();
  const partners = useQuery(partnerListQuery());
  const caseworkers = useQuery(caseworkersQuery());
  const choices: Choices | null =
    partners.data && caseworkers.data
      ? {
          partners: partners.data.map((p) => ({ id: p.id, name: p.name })),
          caseworkers: caseworkers.data.map((c) => ({ id: c.id, name: c.displayName })),
        }
      : null;
  const failed = [partners, caseworkers].find((q) => q.error) ?? partners;
  return (
    <Screen name="referrals" title={t('referralsPage.title')} className="registry-screen referrals-page">
      <QueryState
        query={{ data: choices ?? undefined, error: failed.error, isFetching: failed.isFetching, refetch: failed.refetch }}
        loading={t('referralsPage.counting')}
      >
        {(ready) => <ReferralList choices={ready} />}
      </QueryState>
    </Screen>
  );
}

function ReferralList({ choices }: { choices: Choices }) {
  const { t, i18n } = useTranslation();
  const openPlace = useOpenPlace();
  const [filters, setFilters] = useState<ReferralFilters>({});
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const chips = useReferralChips(filters, choices);
  const pages: PagedList<ReferralListQuery, ReferralRow> = usePagedList<ReferralListQuery, ReferralRow>(
    { ...filters, sort: sort.key, direction: sort.direction },
    referralPageQuery,
  );
  const narrowed = chips.length > 0;
  const language = i18n.language;
  const columnDefs = useMemo(() => referralPageColumns(t, language), [t, language]);

  return (
    <>
      <div className="registry-bar">
        <FiltersToggle
          open={filtersOpen}
          onToggle={() => setFiltersOpen((open) => !open)}
          controls={filtersId}
          label={
            chips.length > 0
              ? t('referralsPage.filters.toggleActive', { count: chips.length })
              : t('referralsPage.filters.toggle')
          }
        />
      </div>
      <ReferralFilterPanel id={filtersId} hidden={!filtersOpen} filters={filters} onFilters={setFilters} choices={choices} />
      <PagedListFrame
        list={pages}
        narrowed={narrowed}
        chips={filtersOpen ? null : <FilterChips chips={chips} onFilters={setFilters} />}
        onClear={() => setFilters({})}
        texts={{
          counting: t('referralsPage.counting'),
          count: (count, formatted) => t('referralsPage.count', { count, formatted }),
          empty: { title: t('referralsPage.empty.title'), advice: t('referralsPage.empty.advice') },
          noMatches: { title: t('referralsPage.noMatches.title'), advice: t('referralsPage.noMatches.advice') },
          clear: t('referralsPage.filters.clear'),
          openHint: t('referralsPage.table.openHint'),
        }}
      >
        <VirtualGrid<ReferralListQuery, ReferralRow, ReferralPageColumn, ReferralSortKey>
          list={pages}
          label={t('referralsPage.table.label')}
          columnDefs={columnDefs}
          allColumns={REFERRAL_PAGE_COLUMNS}
          columns={REFERRAL_PAGE_COLUMNS}
          widths={REFERRAL_COLUMN_WIDTHS}
          rowHeader="participant"
          sortKeys={REFERRAL_COLUMN_SORT_KEYS}
          sort={sort}
          sortable={REFERRAL_SORT_KEYS}
          onSort={setSort}
          onOpen={(row) => openPlace({ page: 'participant', id: row.participantId, from: 'referrals', tab: 'referrals' })}
        />
      </PagedListFrame>
    </>
  );
}

/** Drops one filter. */
function without<K extends keyof ReferralFilters>(filters: ReferralFilters, key: K): ReferralFilters {
  const kept = { ...filters };
  delete kept[key];
  return kept;
}

/** Sets one filter, or drops it when it is empty. */
function withFilter<K extends keyof ReferralFilters>(
  filters: ReferralFilters,
  key: K,
  value: ReferralFilters[K] | '' | undefined,
): ReferralFilters {
  const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
  return empty ? without(filters, key) : { ...filters, [key]: value };
}

/** The filters: statuses, service type, partner, the participant's responsible caseworker, and overdue only. */
function ReferralFilterPanel({
  id,
  hidden,
  filters,
  onFilters,
  choices,
}: {
  id: string;
  hidden: boolean;
  filters: ReferralFilters;
  onFilters: (filters: ReferralFilters) => void;
  choices: Choices;
}) {
  const { t } = useTranslation();
  const overdueId = useId();
  const partner = filters.partnerId ?? '';
  const caseworker = filters.caseworkerId ?? '';
  return (
    <div id={id} className="registry-filters" hidden={hidden}>
      <CodeChoices
        legend={t('referralsPage.filters.status')}
        codes={REFERRAL_STATUSES}
        chosen={filters.status ?? []}
        label={(status) => t(`referrals.statuses.${status}`)}
        onChange={(status) => onFilters(withFilter(filters, 'status', status))}
      />
      <SelectField
        label={t('referralsPage.filters.serviceType')}
        value={filters.serviceType ?? ''}
        onChange={(event) =>
          onFilters(
            withFilter(
              filters,
              'serviceType',
              SERVICE_TYPES.find((s) => s === event.target.value),
            ),
          )
        }
        options={[
          { value: '', label: t('referralsPage.filters.anyServiceType') },
          ...SERVICE_TYPES.map((s) => ({ value: s, label: t(`referrals.serviceTypes.${s}`) })),
        ]}
      />
      <SelectField
        label={t('referralsPage.filters.partner')}
        value={partner}
        onChange={(event) => onFilters(withFilter(filters, 'partnerId', event.target.value))}
        options={[
          { value: '', label: t('referralsPage.filters.anyPartner') },
          ...choices.partners.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <SelectField
        label={t('referralsPage.filters.caseworker')}
        value={caseworker}
        onChange={(event) => onFilters(withFilter(filters, 'caseworkerId', event.target.value))}
        options={[
          { value: '', label: t('referralsPage.filters.anyCaseworker') },
          ...choices.caseworkers.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <div className="registry-status-option registry-flagged-option">
        <input
          id={overdueId}
          type="checkbox"
          checked={filters.overdue === true}
          onChange={(event) => onFilters(withFilter(filters, 'overdue', event.target.checked ? true : undefined))}
        />
        <label htmlFor={overdueId}>{t('referralsPage.filters.overdue')}</label>
      </div>
    </div>
  );
}

/** The filters in use as chips, shown while the filters are folded. */
function useReferralChips(filters: ReferralFilters, choices: Choices): Chip<ReferralFilters>[] {
  const { t } = useTranslation();
  const chip = (key: keyof ReferralFilters, label: string, value: string): Chip<ReferralFilters> => ({
    key,
    text: t('registry.filters.chip', { label, value }),
    without: without(filters, key),
  });
  const chips: Chip<ReferralFilters>[] = [];
  const { status, serviceType, partnerId, caseworkerId, overdue } = filters;
  if (status && status.length > 0)
    chips.push(chip('status', t('referralsPage.filters.status'), status.map((s) => t(`referrals.statuses.${s}`)).join(', ')));
  if (serviceType)
    chips.push(chip('serviceType', t('referralsPage.filters.serviceType'), t(`referrals.serviceTypes.${serviceType}`)));
  if (partnerId)
    chips.push(
      chip(
        'partnerId',
        t('referralsPage.filters.partner'),
        choices.partners.find((p) => p.id === partnerId)?.name ?? t('referralsPage.filters.formerPartner'),
      ),
    );
  if (caseworkerId)
    chips.push(
      chip(
        'caseworkerId',
        t('referralsPage.filters.caseworker'),
        choices.caseworkers.find((c) => c.id === caseworkerId)?.name ?? t('referralsPage.filters.formerCaseworker'),
      ),
    );
  if (overdue) chips.push({ key: 'overdue', text: t('todayPage.followUps.overdue'), without: without(filters, 'overdue') });
  return chips;
}
