/**
 * The contract of case handover: one participant's whole file (as the exporter may see it) written to one
 * `.polkucase` file — an SQLCipher 4 database keyed by a passphrase the exporter chooses — for a colleague on
 * another laptop, who inspects it and imports it into their own vault. The same file answers a participant's
 * request for access to their data. The renderer never names a file: paths come from the shell's file choosers
 * and stay on the main side (a token stands for an inspected file).
 */
import { z } from 'zod';
import { backupPassphrase } from './backup';
import { channel } from './channel';
import { currentPassphrase } from './passphrases';
import { participantId } from './participants';
import { ROLES } from './roles';
import { isoDateTime } from './text-fields';

export const HANDOVER_EXTENSION = 'polkucase';
/** The format this version writes and the newest it reads. */
export const HANDOVER_FORMAT_VERSION = 1;
export const HANDOVER_PASSPHRASE = { min: 12, max: 1024 } as const;
/** What to do when this vault already has a participant with the file's pseudonym code. */
export const CONFLICT_CHOICES = ['keepBoth', 'replace'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

/** Why a file is exported: for a colleague who takes the case over, or for the participant's request to access their data. */
export const EXPORT_PURPOSES = ['handover', 'access'] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];
export const handoverPassphrase = z.string().min(HANDOVER_PASSPHRASE.min).max(HANDOVER_PASSPHRASE.max);
/** Stands for a handover file inspected in this session; meaningless outside it, forgotten when the vault locks. */
export const handoverToken = z.string().regex(/^[0-9a-f]{32}$/);

/** Rows per kind of record (table names, which are not personal data), as the file's manifest gives and its rows confirm. */
const rowCounts = z.record(z.string(), z.number().int().nonnegative());

/** What a handover file holds, shown before it is imported. */
export const handoverSummary = z.object({
  pseudonym: z.string(),
  createdAt: isoDateTime,
  appVersion: z.string(),
  /** The role of the member of staff who exported it: it decides which parts of the file it can hold. */
  exporterRole: z.enum(ROLES),
  counts: rowCounts,
  /** Members of staff named in the file (as authors) who have no account in this vault. */
  newStaff: z.number().int().nonnegative(),
});
export type HandoverSummary = z.infer<typeof handoverSummary>;

/** A participant of this vault with the same pseudonym code as the file's. */
export const handoverConflict = z.object({ participantId: z.string(), pseudonym: z.string() });

const cancelled = z.object({ status: z.literal('cancelled') });

export const handoverChannels = {
  /**
   * Asks where to save, then writes the participant's file as the exporter may see it (psychologists' private
   * notes only for `psychosocial.private`; drafts and saved views never), keyed by `passphrase` (the backups' rule,
   * strength checked on the main side); the exporter's own passphrase is asked again. Audited with its
   * purpose (handover when left out): the same file answers a participant's request for access to their data.
   */
  'handover.export': channel(
    'participants.read',
    z
      .object({ participantId, passphrase: backupPassphrase, purpose: z.enum(EXPORT_PURPOSES).optional(), currentPassphrase })
      .strict(),
    z.discriminatedUnion('status', [
      cancelled,
      z.object({ status: z.literal('saved'), fileName: z.string(), counts: rowCounts }),
    ]),
  ),
  /**
   * Asks for a handover file and checks it with the passphrase (every page, the manifest, the rows against its
   * digest, a format and schema this version reads). Writes nothing; the token stands for the checked content.
   */
  'handover.inspect': channel(
    'participants.write',
    z.object({ passphrase: handoverPassphrase }).strict(),
    z.discriminatedUnion('status', [
      cancelled,
      z.object({
        status: z.literal('ready'),
        token: handoverToken,
        summary: handoverSummary,
        conflict: handoverConflict.nullable(),
      }),
    ]),
  ),
  /**
   * Imports an inspected file in one transaction, with new record ids. When the pseudonym code is taken,
   * `onConflict` is required: keepBoth gives the import a new code; replace (`participants.delete` too) first
   * deletes the participant who has it. Audited, with the source vault and the choice.
   */
  'handover.import': channel(
    'participants.write',
    z.object({ token: handoverToken, onConflict: z.enum(CONFLICT_CHOICES).optional() }).strict(),
    z.object({ participantId: z.string(), pseudonym: z.string() }),
  ),
};
