/** The note form's state, and how it becomes a draft, a note to save, and field errors. */
import type { InputOf } from '@shared/api';
import type { DraftFields, Note } from '@shared/notes';
import type { FieldErrors, FieldMessage } from '../../api/validate';

/** Everything the form holds, as typed: exactly what a draft stores. */
export type NoteFormState = Required<DraftFields>;

/** A new note written by `writer` (an account id), who also owns its follow-up unless another is chosen. */
export function emptyForm(today: string, writer: string): NoteFormState {
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
    followUpOwner: writer,
  };
}

/** The form for editing a saved note; a follow-up added in the edit belongs to `writer` unless another is chosen. */
export function formFromNote(note: Note, writer: string): NoteFormState {
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
    followUpOwner: note.followUp?.owner ?? writer,
  };
}

/** A restored draft over the form it was a draft of: what the draft holds wins, the rest stays. */
export function formFromDraft(fields: DraftFields, base: NoteFormState): NoteFormState {
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { ...base, ...given };
}

/**
 * The choices of the follow-up's owner: the staff who may write notes, and the one chosen even when not on that
 * list (an owner who has since left, or one handed over from another office), named from `known` (else `unknown`)
 * so that an edit keeps them.
 */
export function ownerOptions(
  staff: readonly { id: string; displayName: string }[],
  chosen: string,
  known: Readonly<Record<string, string>>,
  unknown: string,
): { value: string; label: string }[] {
  const listed = staff.map((person) => ({ value: person.id, label: person.displayName }));
  if (chosen === '' || listed.some((option) => option.value === chosen)) return listed;
  return [{ value: chosen, label: known[chosen] ?? unknown }, ...listed];
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
    followUp: state.hasFollowUp
      ? {
          task: state.followUpTask,
          due: state.followUpDue,
          done: state.followUpDone,
          // None chosen (no staff list to choose from): the main side keeps the owner it had, or makes it the author.
          ...(state.followUpOwner === '' ? {} : { owner: state.followUpOwner }),
        }
      : null,
  };
}

/**
 * The form fields that show errors, in the order the form shows them: the text first, as it is what the writer
 * came to write, and the optional details after it. A problem with one tag or topic shows at that field.
 */
export const FORM_FIELDS = ['text', 'date', 'type', 'topics', 'tags', 'followUp.task', 'followUp.due', 'followUp.owner'] as const;
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
