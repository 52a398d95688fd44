import { AppError } from '@shared/errors';
import type { Role } from '@shared/roles';
import { TIMELINE_KINDS, type TimelineItem } from '@shared/timeline';
import { consentTimeline } from '../consents/timeline';
import type { Db } from '../db/open';
import { flagTimeline } from '../flags/timeline';
import { noteTimeline } from '../notes/timeline';
import { psychosocialTimeline } from '../psychosocial/timeline';
import { participantEvents, participantExists } from './participant-events';

/** One domain's part of a timeline; each domain decides what the reader's role may see of it. */
export type TimelineSource = (db: Db, participantId: string, role: Role) => TimelineItem[];

/** Every domain that puts items on a participant's timeline. */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  participantEvents,
  consentTimeline,
  flagTimeline,
  noteTimeline,
  psychosocialTimeline,
];

/**
 * Newest first. A bare date (YYYY-MM-DD) counts as older than the timed events of the same day, since it says
 * nothing about the hour; items at the same moment keep one fixed order (by kind, then id).
 */
function newestFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  const byKind = TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Everything about one participant from every source, newest first; `not_found` for an unknown id. */
export function participantTimeline(
  db: Db,
  participantId: string,
  role: Role,
  sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): TimelineItem[] {
  if (!participantExists(db, participantId)) throw new AppError('not_found');
  return sources.flatMap((source) => source(db, participantId, role)).sort(newestFirst);
}
