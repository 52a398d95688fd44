/** Comparing and preparing registry arrangements (shared/views.ts) on the interface side. */
import { PARTICIPANT_STATUSES } from '@shared/participants';
import {
  DEFAULT_REGISTRY_STATE,
  LIMITED_COLUMNS,
  limitToLimitedView,
  REGISTRY_COLUMNS,
  type RegistryViewState,
} from '@shared/views';

/** The same arrangement in one canonical form: columns and statuses in display order, no empty filters. */
export function normalState(state: RegistryViewState): RegistryViewState {
  const status = PARTICIPANT_STATUSES.filter((s) => state.filters.status?.includes(s));
  const caseworker = state.filters.responsibleCaseworkerId;
  const cohort = state.filters.cohortId;
  const flagged = state.filters.flagged;
  return {
    columns: REGISTRY_COLUMNS.filter((c) => c === 'pseudonym' || state.columns.includes(c)),
    filters: {
      ...(status.length > 0 ? { status } : {}),
      ...(caseworker ? { responsibleCaseworkerId: caseworker } : {}),
      ...(cohort ? { cohortId: cohort } : {}),
      ...(flagged ? { flagged } : {}),
    },
    sort: { key: state.sort.key, direction: state.sort.direction },
  };
}

/** Whether two arrangements show the same thing. */
export function sameState(a: RegistryViewState, b: RegistryViewState): boolean {
  return JSON.stringify(normalState(a)) === JSON.stringify(normalState(b));
}

/** The arrangement the reader can use: the limited view keeps only what it shows. */
export function usableState(state: RegistryViewState | null, limited: boolean): RegistryViewState {
  const base = state ?? (limited ? { ...DEFAULT_REGISTRY_STATE, columns: [...LIMITED_COLUMNS] } : DEFAULT_REGISTRY_STATE);
  return normalState(limited ? limitToLimitedView(base) : base);
}

/** Whether the arrangement narrows the list (the quick search is counted by the caller). */
export function hasFilters(state: RegistryViewState): boolean {
  return (
    (state.filters.status?.length ?? 0) > 0 ||
    state.filters.responsibleCaseworkerId !== undefined ||
    state.filters.cohortId !== undefined ||
    state.filters.flagged !== undefined
  );
}
