import type { Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';

/** Placeholder, being written: this domain's items on a participant's timeline, as the role may see them. */
export function psychosocialTimeline(_db: Db, _participantId: string, _role: Role): TimelineItem[] {
  return [];
}
