import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortSummary } from '@shared/cohorts';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '@shared/participants';
import type { RegistryViewState } from '@shared/views';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';

type Filters = RegistryViewState['filters'];

interface RegistryFiltersProps {
  /** The limited view (teachers) filters by nothing it does not show: only the search and the cohort. */
  limited: boolean;
  search: string;
  onSearch: (search: string) => void;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  caseworkers: readonly { id: string; displayName: string }[];
  cohorts: readonly CohortSummary[];
}

/** Quick search over codes and names, and the cohort, status and caseworker filters. */
export function RegistryFilters({ limited, search, onSearch, filters, onFilters, caseworkers, cohorts }: RegistryFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const statuses = filters.status ?? [];
  const caseworker = filters.responsibleCaseworkerId ?? '';
  // A saved view may name someone who has since left: they stay selectable, without their name.
  const knownCaseworker = caseworker === '' || caseworkers.some((c) => c.id === caseworker);
  const cohort = filters.cohortId ?? '';
  const knownCohort = cohort === '' || cohorts.some((c) => c.id === cohort);

  function toggleStatus(status: ParticipantStatus, on: boolean) {
    const next = PARTICIPANT_STATUSES.filter((s) => (s === status ? on : statuses.includes(s)));
    const { status: _old, ...rest } = filters;
    onFilters(next.length > 0 ? { ...rest, status: next } : rest);
  }

  function chooseCohort(value: string) {
    const { cohortId: _old, ...rest } = filters;
    onFilters(value ? { ...rest, cohortId: value } : rest);
  }

  function chooseCaseworker(value: string) {
    const { responsibleCaseworkerId: _old, ...rest } = filters;
    onFilters(value ? { ...rest, responsibleCaseworkerId: value } : rest);
  }

  return (
    <div className="registry-filters">
      <Field
        label={t('registry.filters.search')}
        hint={t(limited ? 'registry.filters.searchHintLimited' : 'registry.filters.searchHint')}
        type="search"
        className="registry-search"
        value={search}
        maxLength={80}
        onChange={(event) => onSearch(event.target.value)}
      />
      <SelectField
        label={t('registry.filters.cohort')}
        value={cohort}
        onChange={(event) => chooseCohort(event.target.value)}
        options={[
          { value: '', label: t('registry.filters.anyCohort') },
          ...cohorts.map((c) => ({ value: c.id, label: c.name })),
          ...(knownCohort ? [] : [{ value: cohort, label: t('registry.filters.formerCohort') }]),
        ]}
      />
      {limited ? null : (
        <>
          <SelectField
            label={t('registry.filters.caseworker')}
            value={caseworker}
            onChange={(event) => chooseCaseworker(event.target.value)}
            options={[
              { value: '', label: t('registry.filters.anyCaseworker') },
              ...caseworkers.map((c) => ({ value: c.id, label: c.displayName })),
              ...(knownCaseworker ? [] : [{ value: caseworker, label: t('registry.filters.formerCaseworker') }]),
            ]}
          />
          <fieldset className="registry-statuses">
            <legend>{t('registry.filters.status')}</legend>
            <div className="registry-status-options">
              {PARTICIPANT_STATUSES.map((status) => (
                <div key={status} className="registry-status-option">
                  <input
                    id={`${id}-${status}`}
                    type="checkbox"
                    checked={statuses.includes(status)}
                    onChange={(event) => toggleStatus(status, event.target.checked)}
                  />
                  <label htmlFor={`${id}-${status}`}>{t(`participant.status.${status}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </div>
  );
}
