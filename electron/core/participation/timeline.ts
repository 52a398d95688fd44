import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { findResults } from './repo';

/**
 * The funder's data on a participant's timeline: the exit situation and the follow-up, each on the day it was
 * asked, with the follow-up's outcome as its label. Never the answers, which are read in the file's form; and no
 * name, since one row holds both parts and its last writer may not be who recorded the other. Every role with a
 * timeline reads the file, which holds these.
 */
export function participationTimeline(db: Db, participantId: string): TimelineItem[] {
  const results = findResults(db, participantId);
  if (!results) return [];
  const items: TimelineItem[] = [];
  if (results.exit)
    items.push({
      kind: 'exit_situation_recorded',
      id: participantId,
      at: results.exit.checkedOn,
      byName: null,
      label: '',
      text: null,
    });
  if (results.followUp)
    items.push({
      kind: 'follow_up_recorded',
      id: participantId,
      at: results.followUp.checkedOn,
      byName: null,
      label: results.followUp.outcome,
      text: null,
    });
  return items;
}
