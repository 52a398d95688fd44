/**
 * Saved views: a user's own ways of looking at a list screen (which columns, filters and sort), kept in the
 * encrypted database, never in the browser's storage. Each user sees only their own views. Besides the named
 * views, the state a user left a screen in is kept per user, so that the screen opens as they left it.
 *
 * The quick search is deliberately not part of a view: what is typed there is usually a participant's name,
 * and a stored copy would outlive the participant's deletion.
 */
import { z } from 'zod';
import { channel } from './channel';
import {
  LIMITED_SORT_KEYS,
  PARTICIPANT_SORT_KEYS,
  PARTICIPANT_STATUSES,
  recordId,
  type ParticipantSortKey,
} from './participants';
import { roleHolds, type Role } from './roles';
import { singleLine } from './text-fields';

/** The screens that have saved views. */
export const VIEW_SCREENS = ['participants'] as const;
export type ViewScreen = (typeof VIEW_SCREENS)[number];

/** The registry's columns, in the order the table shows them. */
export const REGISTRY_COLUMNS = [
  'pseudonym',
  'firstName',
  'lastName',
  'preferredName',
  'age',
  'gender',
  'languages',
  'interpreterNeeded',
  'status',
  'safetyFlags',
  'responsibleCaseworker',
  'cohort',
  'referralDate',
  'referralSourceType',
  'nationalAssistanceStatus',
  'workAbility',
  'createdAt',
  'updatedAt',
] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

/** What the limited view (teachers) shows: the pseudonym, the first name and the cohort. */
export const LIMITED_COLUMNS: readonly RegistryColumn[] = ['pseudonym', 'firstName', 'cohort'];
/** The columns of a registry nobody has arranged yet. */
export const DEFAULT_COLUMNS: readonly RegistryColumn[] = [
  'pseudonym',
  'firstName',
  'lastName',
  'status',
  'safetyFlags',
  'cohort',
  'responsibleCaseworker',
  'referralDate',
];

/** The sort key a column sorts by, for the columns the registry can sort on the main side. */
export const COLUMN_SORT_KEYS: Partial<Record<RegistryColumn, ParticipantSortKey>> = {
  pseudonym: 'pseudonym',
  firstName: 'firstName',
  lastName: 'lastName',
  status: 'status',
  safetyFlags: 'safetyFlags',
  cohort: 'cohort',
  referralDate: 'referralDate',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};

export const VIEW_NAME_MAX = 60;
/** Named views a user may keep per screen: enough for real use, bounded so that the list stays usable. */
export const SAVED_VIEWS_MAX = 30;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

export const viewName = singleLine(VIEW_NAME_MAX);

export const viewScreen = z.enum(VIEW_SCREENS);

/** The registry's filters that a view keeps; the quick search is left out on purpose (see above). */
export const registryFilters = z
  .object({
    status: z.array(z.enum(PARTICIPANT_STATUSES)).max(PARTICIPANT_STATUSES.length).refine(unique).optional(),
    responsibleCaseworkerId: recordId.optional(),
    cohortId: recordId.optional(),
    flagged: z.literal(true).optional(),
  })
  .strict();

/** One arrangement of the registry. Strict and bounded: known columns once each, the pseudonym always among them. */
export const registryViewState = z
  .object({
    columns: z
      .array(z.enum(REGISTRY_COLUMNS))
      .min(1)
      .max(REGISTRY_COLUMNS.length)
      .refine(unique)
      .refine((columns) => columns.includes('pseudonym')),
    filters: registryFilters,
    sort: z.object({ key: z.enum(PARTICIPANT_SORT_KEYS), direction: z.enum(['asc', 'desc']) }).strict(),
  })
  .strict();
export type RegistryViewState = z.infer<typeof registryViewState>;

export const savedView = z.object({
  id: z.string(),
  name: z.string(),
  state: registryViewState,
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedView>;

/** The registry as nobody has arranged it yet. */
export const DEFAULT_REGISTRY_STATE: RegistryViewState = {
  columns: [...DEFAULT_COLUMNS],
  filters: {},
  sort: { key: 'pseudonym', direction: 'asc' },
};

/** Whether the role sees the registry's limited view (pseudonym, first name and cohort); see shared/roles.ts. */
export function hasLimitedRegistry(role: Role): boolean {
  return !roleHolds(role, 'participants.read');
}

/** Whether a state uses only what the limited view shows: its columns, no filter but the cohort, a sort on a shown field. */
export function fitsLimitedView(state: RegistryViewState): boolean {
  return (
    state.columns.every((column) => LIMITED_COLUMNS.includes(column)) &&
    state.filters.status === undefined &&
    state.filters.responsibleCaseworkerId === undefined &&
    state.filters.flagged === undefined &&
    LIMITED_SORT_KEYS.includes(state.sort.key)
  );
}

/** The state cut down to what the limited view shows (a user whose role has changed keeps usable views). */
export function limitToLimitedView(state: RegistryViewState): RegistryViewState {
  const columns = state.columns.filter((column) => LIMITED_COLUMNS.includes(column));
  return {
    columns: columns.length > 0 ? columns : ['pseudonym'],
    filters: state.filters.cohortId === undefined ? {} : { cohortId: state.filters.cohortId },
    sort: LIMITED_SORT_KEYS.includes(state.sort.key) ? state.sort : { key: 'pseudonym', direction: state.sort.direction },
  };
}

export const viewChannels = {
  /** The user's own saved views of a screen, by name, and the state they left the screen in (null if none). */
  'views.list': channel(
    'session',
    z.object({ screen: viewScreen }).strict(),
    z.object({ views: z.array(savedView), last: registryViewState.nullable() }),
  ),
  /**
   * Saves a named view for the user; a view of the same name (case ignored) is replaced. A user of the limited
   * view may save only what that view shows (`invalid_input` otherwise); at most SAVED_VIEWS_MAX views a screen.
   */
  'views.save': channel(
    'session',
    z.object({ screen: viewScreen, name: viewName, state: registryViewState }).strict(),
    savedView,
  ),
  /** Deletes one of the user's own views; another user's view is `not_found`, as if it did not exist. */
  'views.delete': channel('session', z.object({ id: recordId }).strict(), z.null()),
  /** Remembers the state the user leaves the screen in (replaces the previous one). */
  'views.saveLast': channel('session', z.object({ screen: viewScreen, state: registryViewState }).strict(), z.null()),
} as const;
