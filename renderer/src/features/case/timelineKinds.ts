import type { Role } from '@shared/roles';
import { roleHolds } from '@shared/roles';
import type { TimelineKind } from '@shared/timeline';

/** What a timeline can be narrowed to: the kinds of one part of the file. */
export const TIMELINE_FILTERS = [
  'file',
  'notes',
  'psychosocial',
  'referrals',
  'plans',
  'assessments',
  'funder',
  'consents',
  'flags',
] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

const FILTER_OF: Record<TimelineKind, TimelineFilter> = {
  participant_created: 'file',
  status_changed: 'file',
  note: 'notes',
  psychosocial: 'psychosocial',
  referral: 'referrals',
  consent_given: 'consents',
  consent_withdrawn: 'consents',
  consent_override: 'consents',
  flag_set: 'flags',
  flag_cleared: 'flags',
  plan_saved: 'plans',
  assessment_recorded: 'assessments',
  assessment_updated: 'assessments',
  exit_situation_recorded: 'funder',
  follow_up_recorded: 'funder',
};

/** The part of the file an item belongs to. */
export function filterOf(kind: TimelineKind): TimelineFilter {
  return FILTER_OF[kind];
}

/** The filters worth offering to a role: parts of the file it cannot read never appear on its timeline. */
export function filtersFor(role: Role): TimelineFilter[] {
  return TIMELINE_FILTERS.filter(
    (filter) =>
      (filter !== 'notes' || roleHolds(role, 'notes.read')) &&
      (filter !== 'psychosocial' || roleHolds(role, 'psychosocial.read')) &&
      (filter !== 'referrals' || roleHolds(role, 'referrals.read')) &&
      (filter !== 'plans' || roleHolds(role, 'plans.read')) &&
      (filter !== 'assessments' || roleHolds(role, 'assessments.read')),
  );
}
