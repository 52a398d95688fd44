import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { planSaves } from './repo';

/**
 * A participant's career and study plan on their timeline: one entry each time it was saved (the label is the
 * version's number). No goal or step text: the plan is read in its own place, with its history.
 */
export function planTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'plans.read')) return [];
  return planSaves(db, participantId).map((save) => ({
    kind: 'plan_saved',
    id: save.planId,
    at: save.savedAt,
    byName: save.savedByName,
    label: String(save.version),
    text: null,
  }));
}
