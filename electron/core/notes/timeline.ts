import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { notePreviews } from './repo';

/** How much of a note's text the timeline shows. */
export const NOTE_PREVIEW_LENGTH = 200;

/** A participant's guidance notes on their timeline (label: the note type; text: the start of the note). */
export function noteTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'notes.read')) return [];
  return notePreviews(db, participantId, NOTE_PREVIEW_LENGTH + 1).map((note) => ({
    kind: 'note',
    id: note.id,
    at: note.date,
    byName: note.author,
    label: note.type,
    text: preview(note.preview),
  }));
}

/** One line of at most NOTE_PREVIEW_LENGTH characters, cut at a word where possible, with "…" when cut. */
function preview(start: string): string {
  const line = start.replace(/\s+/gu, ' ').trim();
  if (line.length <= NOTE_PREVIEW_LENGTH) return line;
  const cut = line.slice(0, NOTE_PREVIEW_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > NOTE_PREVIEW_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}
