import type { Note } from '@shared/notes';
import { listNotes } from '../../notes/repo';
import type { Html } from '../html';
import { inRange, nothing, rangeWords, staffName, type PrintSection, type SectionContext } from './section';

function noteEntry(context: SectionContext, note: Note): Html {
  const { html, text } = context;
  const author = text.t('notes.list.author', { name: staffName(context, note.createdByName) });
  const version = note.version > 1 ? ` · ${text.t('print.notes.version', { version: note.version })}` : '';
  const topics = [...note.topics.map((topic) => text.t(`notes.topics.${topic}`)), ...note.tags];
  const followUp = note.followUp
    ? text.t(note.followUp.done ? 'notes.list.followUpDone' : 'notes.list.followUpOpen', {
        task: note.followUp.task,
        due: text.day(note.followUp.due),
      }) + ` · ${text.t('print.notes.followUpOwner', { name: staffName(context, note.followUp.ownerName) })}`
    : null;
  return html`<div class="entry">
    <p class="entry-head">${text.day(note.date)} – ${text.t(`notes.types.${note.type}`)}</p>
    <p class="entry-meta">
      ${author}${version}${topics.length > 0 ? ` · ${text.t('notes.list.topics')}: ${topics.join(', ')}` : ''}
    </p>
    <p class="text">${note.text}</p>
    ${followUp ? html`<p class="text">${followUp}</p>` : null}
  </div>`;
}

/** Guidance notes dated within the chosen days, newest first, each in its current version. */
export const notesSection: PrintSection = {
  id: 'notes',
  permission: 'notes.read',
  signatures: false,
  dated: true,
  render(context) {
    const { html, text, db, participant, range } = context;
    const notes = listNotes(db, participant.id);
    const shown = notes.filter((note) => inRange(range, note.date));
    const left = notes.length - shown.length;
    return html`<p class="muted">${rangeWords(context)}</p>
      ${shown.length === 0 ? nothing(context) : shown.map((note) => noteEntry(context, note))}${left > 0
        ? html`<p class="muted">${text.t('print.notes.outsideRange', { count: left })}</p>`
        : null}`;
  },
};
