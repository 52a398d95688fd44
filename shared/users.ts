/** Staff accounts: who works in Polku, in which role, and the one-time passphrases the coordinator gives. */
import { z } from 'zod';
import { channel } from './channel';
import { currentPassphrase } from './passphrases';
import { ROLES } from './roles';
import { singleLine } from './text-fields';

export const displayName = singleLine(80);
export const userId = z.string().regex(/^[0-9a-f]{32}$/);
export const role = z.enum(ROLES);

export const userSummary = z.object({
  id: userId,
  displayName: z.string(),
  role,
  active: z.boolean(),
  /** Holds a one-time passphrase that must be changed at the next unlock. */
  mustChangePassphrase: z.boolean(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummary>;
/** Given by the coordinator for a first unlock or after a forgotten passphrase; shown once. */
const issuedPassphrase = z.object({ user: userSummary, oneTimePassphrase: z.string() });

const empty = z.object({}).strict();

/**
 * A change that can give someone the psychologists' private notes, told to the other psychologists at their next
 * unlock until each acknowledges it: an account created as a psychologist, a role changed to psychologist, or a
 * psychologist given a new one-time passphrase. `id` is the audit entry that records the change.
 */
export const ACCESS_NOTICE_KINDS = ['created', 'madePsychologist', 'newPassphrase', 'grantedKey', 'usedRecoveryCode'] as const;
export const accessNotice = z.object({
  id: z.number().int().positive(),
  at: z.string(),
  kind: z.enum(ACCESS_NOTICE_KINDS),
  /** Who made the change; null when the account is no longer known. */
  actorName: z.string().nullable(),
  subjectName: z.string(),
});
export type AccessNotice = z.infer<typeof accessNotice>;

export const userChannels = {
  /** Staff accounts, for the coordinator. */
  'users.list': channel('users.manage', empty, z.array(userSummary)),
  /**
   * Adds a staff member with a one-time passphrase, to be changed at their first unlock. This and the other
   * channels that give lasting access take the coordinator's own `currentPassphrase`, asked again.
   */
  'users.create': channel('users.manage', z.object({ displayName, role, currentPassphrase }).strict(), issuedPassphrase),
  /** `currentPassphrase` is required when `role` changes, and not asked for a name alone. */
  'users.update': channel(
    'users.manage',
    z
      .object({
        id: userId,
        displayName: displayName.optional(),
        role: role.optional(),
        currentPassphrase: currentPassphrase.optional(),
      })
      .strict(),
    userSummary,
  ),
  /** Ends a staff member's access: their key slots are removed; their name stays in the records they made. */
  'users.deactivate': channel('users.manage', z.object({ id: userId }).strict(), userSummary),
  /** A new one-time passphrase (forgotten passphrase, or access given back to a deactivated user). */
  'users.issuePassphrase': channel('users.manage', z.object({ id: userId, currentPassphrase }).strict(), issuedPassphrase),
  /** The access notices the signed-in psychologist has not acknowledged yet, oldest first. */
  'users.accessNotices': channel('psychosocial.private', empty, z.array(accessNotice)),
  /** Acknowledges every notice up to and including the audit entry `upTo`, for the signed-in psychologist only. */
  'users.acknowledgeAccessNotices': channel(
    'psychosocial.private',
    z.object({ upTo: z.number().int().positive() }).strict(),
    z.object({ acknowledged: z.number().int().nonnegative(), upTo: z.number().int().positive().nullable() }).strict(),
  ),
} as const;
