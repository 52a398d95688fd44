/** The note form's state, and how it becomes a draft, a note to save, and field errors. */
import type { InputOf } from '@shared/api';
import type { DraftFields, Note } from '@shared/notes';
import type { FieldErrors, FieldMessage } from '../../api/validate';

/** Everything the form holds, as typed: exactly what a draft stores. */
export type NoteFormState = Required<DraftFields>;

export function emptyForm(today: string): NoteFormState {
  return {
    date: today,
    type: 'individual_guidance',
    topics: [],
    tagsText: '',
    text: '',
    hasFollowUp: false,
    followUpTask: '',
    followUpDue: '',
    followUpDone: false,
  };
}

/** The form for editing a saved note. */
export function formFromNote(note: Note): NoteFormState {
  return {
    date: note.date,
    type: note.type,
    topics: note.topics,
    tagsText: note.tags.join(', '),
    text: note.text,
    hasFollowUp: note.followUp !== null,
    followUpTask: note.followUp?.task ?? '',
    followUpDue: note.followUp?.due ?? '',
    followUpDone: note.followUp?.done ?? false,
  };
}

/** A restored draft over the form it was a draft of: what the draft holds wins, the rest stays. */
export function formFromDraft(fields: DraftFields, base: NoteFormState): NoteFormState {
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { ...base, ...given };
}

/** Free tags typed with commas (or semicolons) between them; empty pieces are dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,;]/u)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** What the form saves: the note's fields as the channels take them. */
export function noteInput(state: NoteFormState): Omit<InputOf<'notes.create'>, 'participantId'> {
  return {
    date: state.date,
    type: state.type,
    topics: state.topics,
    tags: parseTags(state.tagsText),
    text: state.text,
    followUp: state.hasFollowUp ? { task: state.followUpTask, due: state.followUpDue, done: state.followUpDone } : null,
  };
}

/** The form fields that show errors; a problem with one tag or topic shows at the tags or topics field. */
export const FORM_FIELDS = ['date', 'type', 'topics', 'tags', 'text', 'followUp.task', 'followUp.due'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** Field errors keyed by form field: `tags.3` becomes `tags`, the first problem of each field wins. */
export function errorsByField(errors: FieldErrors): Partial<Record<FormField, FieldMessage>> {
  const out: Partial<Record<FormField, FieldMessage>> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!message) continue;
    const field = FORM_FIELDS.find((f) => path === f || path.startsWith(`${f}.`));
    if (field) out[field] ??= message;
  }
  return out;
}
