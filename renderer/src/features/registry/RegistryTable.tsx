/** The registry's grid: the participants as the reader's role may see them, in the columns chosen. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSortKey } from '@shared/participants';
import { COLUMN_SORT_KEYS, REGISTRY_COLUMNS, type RegistryColumn, type RegistryViewState } from '@shared/views';
import { COLUMN_WIDTHS, registryColumns, type RegistryRow } from './columns';
import type { RegistryList } from './useParticipantPages';
import { VirtualGrid } from './VirtualGrid';

interface RegistryTableProps {
  /** The list, its total and whether it is still the one before: a new list starts again at the top. */
  list: RegistryList;
  columns: readonly RegistryColumn[];
  sort: RegistryViewState['sort'];
  /** Sort keys the reader may use (the limited view sorts by what it shows only). */
  sortable: readonly ParticipantSortKey[];
  onSort: (sort: RegistryViewState['sort']) => void;
  onOpen: (participantId: string) => void;
}

export function RegistryTable({ list, columns, sort, sortable, onSort, onOpen }: RegistryTableProps) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => registryColumns(t, i18n.language), [t, i18n.language]);
  return (
    <VirtualGrid<RegistryList['list'], RegistryRow, RegistryColumn, ParticipantSortKey>
      list={list}
      label={t('registry.table.label')}
      columnDefs={columnDefs}
      allColumns={REGISTRY_COLUMNS}
      columns={columns}
      widths={COLUMN_WIDTHS}
      rowHeader="pseudonym"
      sortKeys={COLUMN_SORT_KEYS}
      sort={sort}
      sortable={sortable}
      onSort={onSort}
      onOpen={(row) => onOpen(row.id)}
    />
  );
}
