/**
 * Safety flags: warnings that every member of staff who opens the participant's file must see first (a risk of
 * unwanted contact, an address kept confidential, a code word...). A flag is set and later cleared; cleared
 * flags stay as history. Enum values are English codes; the interface translates them discreetly.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { multiLine } from './text-fields';

/** The kinds that say what they mean on their own; a note may add what staff must do. */
const NAMED_KINDS = ['exploiter_contact_risk', 'address_confidential', 'code_word_set', 'no_photos', 'health_risk'] as const;
export const FLAG_KINDS = [...NAMED_KINDS, 'other'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_NOTE_MAX = 500;

/** What staff must do about the flag, e.g. "never confirm she is a participant". */
const note = multiLine(FLAG_NOTE_MAX, { min: 0 });

/** A flag to set. The note is optional, except for `other`, which says nothing without one. */
export const setFlagInput = z.discriminatedUnion('kind', [
  z.object({ participantId: recordId, kind: z.literal('other'), note: note.min(1) }).strict(),
  z
    .object({
      participantId: recordId,
      kind: z.enum(NAMED_KINDS),
      note: note
        .transform((s) => (s === '' ? null : s))
        .nullable()
        .optional(),
    })
    .strict(),
]);
export type SetFlagInput = z.input<typeof setFlagInput>;

export const safetyFlag = z.object({
  id: z.string(),
  participantId: z.string(),
  kind: z.enum(FLAG_KINDS),
  note: z.string().nullable(),
  setByName: z.string().nullable(),
  setAt: z.string(),
  clearedByName: z.string().nullable(),
  clearedAt: z.string().nullable(),
});
export type SafetyFlag = z.infer<typeof safetyFlag>;

export const flagChannels = {
  /** The participant's flags in force, newest first; with `includeCleared`, the cleared ones follow. */
  'flags.list': channel(
    'participants.read',
    z.object({ participantId: recordId, includeCleared: z.boolean().optional() }).strict(),
    z.array(safetyFlag),
  ),
  'flags.set': channel('participants.write', setFlagInput, z.object({ flag: safetyFlag })),
  /** Clears a flag in force; refused (`invalid_input`, on `id`) when it was cleared already. */
  'flags.clear': channel('participants.write', z.object({ id: recordId }).strict(), z.object({ flag: safetyFlag })),
} as const;
