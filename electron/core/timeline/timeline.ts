import { dayOf, isIsoDay } from '@shared/days';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/roles';
import { TIMELINE_KINDS, type TimelineItem } from '@shared/timeline';
import { assessmentTimeline } from '../assessments/timeline';
import { consentTimeline } from '../consents/timeline';
import type { Db } from '../db/open';
import { flagTimeline } from '../flags/timeline';
import { noteTimeline } from '../notes/timeline';
import { participationTimeline } from '../participation/timeline';
import { planTimeline } from '../plans/timeline';
import { psychosocialTimeline } from '../psychosocial/timeline';
import { referralTimeline } from '../referrals/timeline';
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
  referralTimeline,
  planTimeline,
  assessmentTimeline,
  participationTimeline,
];

/** The calendar day of an item: a bare date is that day, a moment the day it fell on in `timeZone` (default: local). */
function dayOfItem(at: string, timeZone: string | undefined): string {
  return isIsoDay(at) ? at : dayOf(new Date(at), timeZone);
}

/**
 * The timeline's order, newest first, as the file tab shows it grouped by day:
 * 1. by the local calendar day (a moment late in the UTC evening belongs to the next Finnish day, where it is shown);
 * 2. within a day, the timed entries (status changes, flags, overrides) first, the latest time first;
 * 3. then the entries with a date only (notes, psychosocial entries, consents given or withdrawn), which say
 *    nothing about the hour: by kind in TIMELINE_KINDS order, and within a kind in the order their source gives,
 *    which is the latest written first (notes and entries by their sequence, consents by when recorded);
 * 4. timed entries at the same moment by kind, then id, so that the order never changes between two readings.
 * Array.prototype.sort is stable, which keeps the sources' own order in step 3. Days are the workstation's unless
 * `timeZone` (an IANA name, for tests) says otherwise.
 */
export const newestFirst =
  (timeZone?: string) =>
  (a: TimelineItem, b: TimelineItem): number => {
    const dayA = dayOfItem(a.at, timeZone);
    const dayB = dayOfItem(b.at, timeZone);
    if (dayA !== dayB) return dayA < dayB ? 1 : -1;
    const timedA = !isIsoDay(a.at);
    const timedB = !isIsoDay(b.at);
    if (timedA !== timedB) return timedA ? -1 : 1;
    if (timedA) {
      const byTime = Date.parse(b.at) - Date.parse(a.at);
      if (byTime !== 0) return byTime;
    }
    const byKind = TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind);
    if (byKind !== 0 || !timedA) return byKind;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

/** Everything about one participant from every source, newest first; `not_found` for an unknown id. */
export function participantTimeline(
  db: Db,
  participantId: string,
  role: Role,
  sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): TimelineItem[] {
  if (!participantExists(db, participantId)) throw new AppError('not_found');
  return sources.flatMap((source) => source(db, participantId, role)).sort(newestFirst());
}
