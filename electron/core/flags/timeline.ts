import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { listFlags } from './repo';

/**
 * Safety flags on a participant's timeline: each flag set and each flag cleared, labelled with the flag kind
 * code and carrying the flag's note. Readers without the whole file (teachers) see none, as on the Flags tab.
 */
export function flagTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'participants.read')) return [];
  const items: TimelineItem[] = [];
  for (const f of listFlags(db, participantId, true)) {
    items.push({ kind: 'flag_set', id: f.id, at: f.setAt, byName: f.setByName, label: f.kind, text: f.note });
    if (f.clearedAt !== null)
      items.push({ kind: 'flag_cleared', id: f.id, at: f.clearedAt, byName: f.clearedByName, label: f.kind, text: f.note });
  }
  return items;
}
