import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortSummary } from '@shared/cohorts';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '@shared/participants';
import type { RegistryViewState } from '@shared/views';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';

type Filters = RegistryViewState['filters'];

interface FilterChoices {
  filters: Filters;
  onFilters: (filters: Filters) => void;
  caseworkers: readonly { id: string; displayName: string }[];
  cohorts: readonly CohortSummary[];
}

/** The quick search over codes and names; its hint is the field's description and, shortened, its placeholder. */
export function RegistrySearch({
  limited,
  search,
  onSearch,
}: {
  limited: boolean;
  search: string;
  onSearch: (s: string) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="registry-search-field">
      <Field
        label={t('registry.filters.search')}
        type="search"
        className="registry-search"
        value={search}
        maxLength={80}
        placeholder={t(limited ? 'registry.filters.searchPlaceholderLimited' : 'registry.filters.searchPlaceholder')}
        aria-describedby={hintId}
        onChange={(event) => onSearch(event.target.value)}
      />
      <span id={hintId} className="visually-hidden">
        {t(limited ? 'registry.filters.searchHintLimited' : 'registry.filters.searchHint')}
      </span>
    </div>
  );
}

/** The cohort filter: the only one of the limited view (teachers), which filters by nothing it does not show. */
export function CohortFilter({ filters, onFilters, cohorts }: Omit<FilterChoices, 'caseworkers'>) {
  const { t } = useTranslation();
  const cohort = filters.cohortId ?? '';
  const knownCohort = cohort === '' || cohorts.some((c) => c.id === cohort);
  function chooseCohort(value: string) {
    const { cohortId: _old, ...rest } = filters;
    onFilters(value ? { ...rest, cohortId: value } : rest);
  }
  return (
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
  );
}

/** The full view's filters, folded under the toggle: cohort, caseworker, status and safety flags in force. */
export function RegistryFilters({
  filters,
  onFilters,
  caseworkers,
  cohorts,
  id,
  hidden,
}: FilterChoices & { id: string; hidden: boolean }) {
  const { t } = useTranslation();
  const optionId = useId();
  const statuses = filters.status ?? [];
  const caseworker = filters.responsibleCaseworkerId ?? '';
  // A saved view may name someone who has since left: they stay selectable, without their name.
  const knownCaseworker = caseworker === '' || caseworkers.some((c) => c.id === caseworker);

  function chooseStatuses(next: ParticipantStatus[]) {
    const { status: _old, ...rest } = filters;
    onFilters(next.length > 0 ? { ...rest, status: next } : rest);
  }

  function chooseCaseworker(value: string) {
    const { responsibleCaseworkerId: _old, ...rest } = filters;
    onFilters(value ? { ...rest, responsibleCaseworkerId: value } : rest);
  }

  function chooseFlagged(on: boolean) {
    const { flagged: _old, ...rest } = filters;
    onFilters(on ? { ...rest, flagged: true } : rest);
  }

  return (
    <div id={id} className="registry-filters" hidden={hidden}>
      <CohortFilter filters={filters} onFilters={onFilters} cohorts={cohorts} />
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
      <CodeChoices
        legend={t('registry.filters.status')}
        codes={PARTICIPANT_STATUSES}
        chosen={statuses}
        label={(status) => t(`participant.status.${status}`)}
        onChange={chooseStatuses}
      />
      <div className="registry-status-option registry-flagged-option">
        <input
          id={`${optionId}-flagged`}
          type="checkbox"
          checked={filters.flagged === true}
          onChange={(event) => chooseFlagged(event.target.checked)}
        />
        <label htmlFor={`${optionId}-flagged`}>{t('registry.filters.flagged')}</label>
      </div>
    </div>
  );
}

/**
 * Codes to choose any of, as checkboxes in a fieldset (the registry's statuses, the Referrals page's statuses); the
 * choice comes back in the codes' own order.
 */
export function CodeChoices<Code extends string>({
  legend,
  codes,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  codes: readonly Code[];
  chosen: readonly Code[];
  label: (code: Code) => string;
  onChange: (chosen: Code[]) => void;
}) {
  const optionId = useId();
  return (
    <fieldset className="registry-statuses">
      <legend>{legend}</legend>
      <div className="registry-status-options">
        {codes.map((code) => (
          <div key={code} className="registry-status-option">
            <input
              id={`${optionId}-${code}`}
              type="checkbox"
              checked={chosen.includes(code)}
              onChange={(event) => onChange(codes.filter((c) => (c === code ? event.target.checked : chosen.includes(c))))}
            />
            <label htmlFor={`${optionId}-${code}`}>{label(code)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One filter in use, as a chip: what it narrows by, and the filters without it. */
export interface Chip<F = Filters> {
  key: string;
  text: string;
  without: F;
}

/** The filters in use, each as a chip to show while the filters are folded. */
export function useFilterChips({ filters, caseworkers, cohorts }: Omit<FilterChoices, 'onFilters'>): Chip[] {
  const { t } = useTranslation();
  const chips: Chip[] = [];
  const { cohortId, responsibleCaseworkerId, status, flagged } = filters;
  const drop = (key: keyof Filters): Filters => {
    const kept = { ...filters };
    delete kept[key];
    return kept;
  };
  if (cohortId)
    chips.push({
      key: 'cohort',
      text: t('registry.filters.chip', {
        label: t('registry.filters.cohort'),
        value: cohorts.find((c) => c.id === cohortId)?.name ?? t('registry.filters.formerCohort'),
      }),
      without: drop('cohortId'),
    });
  if (responsibleCaseworkerId)
    chips.push({
      key: 'caseworker',
      text: t('registry.filters.chip', {
        label: t('registry.filters.caseworker'),
        value: caseworkers.find((c) => c.id === responsibleCaseworkerId)?.displayName ?? t('registry.filters.formerCaseworker'),
      }),
      without: drop('responsibleCaseworkerId'),
    });
  if (status && status.length > 0)
    chips.push({
      key: 'status',
      text: t('registry.filters.chip', {
        label: t('registry.filters.status'),
        value: status.map((s) => t(`participant.status.${s}`)).join(', '),
      }),
      without: drop('status'),
    });
  if (flagged) chips.push({ key: 'flagged', text: t('registry.filters.flaggedChip'), without: drop('flagged') });
  return chips;
}

/** The chips of the filters in use; each removes its filter. */
export function FilterChips<F>({ chips, onFilters }: { chips: readonly Chip<F>[]; onFilters: (filters: F) => void }) {
  const { t } = useTranslation();
  if (chips.length === 0) return null;
  return (
    <ul className="registry-chips" aria-label={t('registry.filters.chipsLabel')}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            className="registry-chip"
            aria-label={t('registry.filters.chipRemove', { filter: chip.text })}
            onClick={() => onFilters(chip.without)}
          >
            {chip.text}
            <span aria-hidden="true"> ×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
