import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { timelineRows } from './repo';

/** How much of a summary the timeline shows. */
export const SUMMARY_PREVIEW_LENGTH = 200;

/**
 * A participant's psychosocial entries on their timeline (label: individual or group; text: the start of the
 * shareable summary). Private notes are left out for every role, psychologists included: the timeline is the
 * overview of the whole file, often looked at with colleagues, and private notes are read only in the log itself,
 * where they are marked as private.
 */
export function psychosocialTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'psychosocial.read')) return [];
  return timelineRows(db, participantId).map((entry) => ({
    kind: 'psychosocial',
    id: entry.id,
    at: entry.date,
    byName: entry.author,
    label: entry.kind,
    text: entry.summary === null ? null : preview(entry.summary),
  }));
}

/** One line of at most SUMMARY_PREVIEW_LENGTH characters, cut at a word where possible, with "…" when cut. */
function preview(summary: string): string {
  const line = summary.replace(/\s+/gu, ' ').trim();
  if (line.length <= SUMMARY_PREVIEW_LENGTH) return line;
  const cut = line.slice(0, SUMMARY_PREVIEW_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > SUMMARY_PREVIEW_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}
