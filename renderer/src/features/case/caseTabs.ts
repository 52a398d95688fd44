import { roleHolds, type Permission, type Role } from '@shared/roles';

export const CASE_TABS = [
  'overview',
  'timeline',
  'consents',
  'flags',
  'notes',
  'plan',
  'assessments',
  'referrals',
  'psychosocial',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** What a role must hold to see a tab; the main side refuses the tab's channels to anyone else anyway. */
const TAB_PERMISSION: Record<CaseTab, Permission> = {
  overview: 'participants.readLimited',
  timeline: 'participants.read',
  consents: 'participants.read',
  flags: 'participants.read',
  notes: 'notes.read',
  plan: 'plans.read',
  assessments: 'assessments.read',
  psychosocial: 'psychosocial.read',
  referrals: 'referrals.read',
};

/** The tabs of a participant's file that a role may open, in order. */
export function caseTabsFor(role: Role): CaseTab[] {
  return CASE_TABS.filter((tab) => roleHolds(role, TAB_PERMISSION[tab]));
}
