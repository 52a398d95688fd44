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
} as const;
