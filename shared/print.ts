/**
 * Case summary print: one participant's file as a printable document, with the sections the user chooses. The
 * main side decides which sections a role may choose (electron/core/print/sections), renders one HTML document
 * and turns it into a PDF or sends it to the system print dialog. Section ids are codes the main side's registry
 * knows; the labels come with them, so a section added there needs nothing here or in the renderer.
 */
import { z } from 'zod';
import { channel } from './channel';
import { LOCALES } from './locales';
import { participantId } from './participants';
import { isoDate } from './text-fields';

/** At most this many sections in one request (more than the registry has, far fewer than could hurt). */
export const PRINT_SECTIONS_MAX = 30;

/** A section's code, as the main side's registry names it (`basic`, `consents`, `psychosocialPrivate`...). */
export const printSectionId = z.string().regex(/^[a-z][A-Za-z]{1,39}$/);

/** What to print: the sections, how (pseudonym only, language) and the days of notes to include. */
export const printRequest = z
  .object({
    participantId,
    sections: z.array(printSectionId).min(1).max(PRINT_SECTIONS_MAX),
    /** Only the pseudonym code identifies the participant: names and contact details are left out. */
    pseudonymOnly: z.boolean(),
    /** The language of the printout, which may differ from the interface's. */
    locale: z.enum(LOCALES),
    /** The first and last day of notes and meetings to include (sections marked `dated`); open when left out. */
    notesFrom: isoDate.optional(),
    notesTo: isoDate.optional(),
  })
  .strict();

/** A section the user may choose, with its name in each language. */
export const printSectionOption = z.object({
  id: z.string(),
  labels: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
  /** Takes the notes' date range. */
  dated: z.boolean(),
  /** Ends with signature lines for the participant and the caseworker. */
  signatures: z.boolean(),
});
export type PrintSectionOption = z.infer<typeof printSectionOption>;

const cancelled = z.object({ status: z.literal('cancelled') });

export const printChannels = {
  /** The sections this user may print, in the order they print. */
  'print.sections': channel('participants.read', z.object({}).strict(), z.object({ sections: z.array(printSectionOption) })),
  /** The document as it will print, for the preview; not audited (it shows what the file's tabs show). */
  'print.preview': channel('participants.read', printRequest, z.object({ html: z.string() })),
  /** Asks where to save, writes the PDF there (whole or not at all) and audits it, without its content. */
  'print.pdf': channel(
    'participants.read',
    printRequest,
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('saved'), fileName: z.string() })]),
  ),
  /** Sends the document to the system print dialog; a completed print is audited, without its content. */
  'print.print': channel(
    'participants.read',
    printRequest,
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('printed') })]),
  ),
} as const;
