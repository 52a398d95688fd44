/**
 * The vault: setting Polku up, unlocking and locking, passphrases and the recovery code, the master key and the
 * checks of the database file. Most channels are public: they work before anyone is signed in.
 */
import { z } from 'zod';
import { backupToken } from './backup';
import { channel } from './channel';
import { locale } from './prefs';
import { currentPassphrase, passphrase, PASSPHRASE_MAX_LENGTH } from './passphrases';
import { displayName, role, userId } from './users';

export { currentPassphrase, passphrase, PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from './passphrases';
/** Recovery codes are compared without spaces or dashes and case-insensitively. */
export const recoveryCode = z.string().min(20).max(80);

/**
 * What an unlock found wrong with the history (docs/security.md, "History anchor"): the database is older than the
 * anchor kept outside it, holds another row where the anchor's head was, or the anchor itself was altered.
 */
export const historyProblem = z.enum(['older', 'different', 'anchor_altered']);
export type HistoryProblem = z.infer<typeof historyProblem>;

/** An audit row named by its number and hash: the form a head is noted in. */
export const auditHeadRef = z.object({ id: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) });

export const sessionInfo = z.object({
  userId: z.string(),
  displayName: z.string(),
  role,
  /** Set after unlocking with the recovery code: a new passphrase must be set before anything else. */
  mustChangePassphrase: z.boolean(),
  /** The recovery code has not been confirmed yet: the user must make and confirm a new one. */
  recoveryPending: z.boolean(),
  /**
   * Present while the database was found older than its history anchor: nothing but restoring a backup or (the
   * coordinator) continuing is allowed until it is resolved.
   */
  historyProblem: historyProblem.optional(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const vaultState = z.enum(['uninitialized', 'locked', 'unlocked', 'broken']);

const empty = z.object({}).strict();
const nothing = z.null();

export const vaultChannels = {
  /** What the start screen needs: is there a vault, is it locked, and why it cannot open if broken. */
  'vault.status': channel(
    'public',
    empty,
    z.object({
      state: vaultState,
      problem: z.string().nullable(),
      session: sessionInfo.nullable(),
      retryAfterMs: z.number().int().nonnegative(),
      locale,
      /** The name of whoever unlocked last, only while the coordinator lets the unlock screen offer it. */
      lastUserName: z.string().nullable(),
    }),
  ),
  /**
   * A vault that cannot be opened (damaged or missing files, not a newer version): its files move into a new
   * folder in the data folder, nothing deleted, so that Polku can be restored from a backup in its place. Answers
   * the folder's name; the vault is then as on a new laptop.
   */
  'vault.setAsideBroken': channel('public', empty, z.object({ folder: z.string() })),
  /** First run: creates the encrypted vault and its first user, a coordinator. Returns the recovery code, shown once. */
  'vault.setup': channel(
    'public',
    z.object({ displayName, passphrase, locale }).strict(),
    z.object({ recoveryCode: z.string(), session: sessionInfo }),
  ),
  /**
   * First run from a backup (inspected with backup.inspect): sets Polku up as vault.setup does, a new master key
   * and vault id, a passphrase slot for `userId` (one of the backup's active coordinators) and a recovery code,
   * with the backup's data. Progress events as task 'restore'; backup.cancel stops it before anything is set up.
   */
  'vault.restoreFresh': channel(
    'public',
    z.object({ token: backupToken, userId, passphrase, locale }).strict(),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('done'), recoveryCode: z.string(), session: sessionInfo }),
    ]),
  ),
  /** The user types the recovery code back to show it has been written down. */
  'vault.confirmRecoveryCode': channel('session', z.object({ recoveryCode }).strict(), sessionInfo),
  /** Makes a new recovery code (the old one stops working). Coordinator only; their own passphrase is asked again. */
  'vault.newRecoveryCode': channel(
    'vault.admin',
    z.object({ currentPassphrase }).strict(),
    z.object({ recoveryCode: z.string() }),
  ),
  /** `name` picks the user's slot; without it, the slot of whoever unlocked last is tried. */
  'vault.unlock': channel(
    'public',
    z.object({ name: z.string().max(80).optional(), passphrase: z.string().min(1).max(PASSPHRASE_MAX_LENGTH) }).strict(),
    sessionInfo,
  ),
  'vault.unlockWithRecoveryCode': channel('public', z.object({ recoveryCode }).strict(), sessionInfo),
  'vault.lock': channel('public', empty, nothing),
  /** `current` may be left out only right after a recovery-code unlock. */
  'vault.changePassphrase': channel(
    'session',
    z.object({ current: z.string().max(PASSPHRASE_MAX_LENGTH).optional(), next: passphrase }).strict(),
    sessionInfo,
  ),
  /** Rotates the database master key (PRAGMA rekey); returns a new recovery code. Coordinator only. */
  'vault.rotateMasterKey': channel(
    'vault.admin',
    z.object({ passphrase: currentPassphrase }).strict(),
    z.object({ recoveryCode: z.string() }),
  ),
  /** Checks every page of the database file, SQLite's integrity check and the audit chain. */
  'vault.verify': channel(
    'vault.admin',
    empty,
    z.object({
      pagesChecked: z.number().int(),
      firstBadPage: z.number().int().nullable(),
      integrity: z.boolean(),
      auditRows: z.number().int(),
      auditFirstBadRow: z.number().int().nullable(),
      /** The newest audit row, to be noted on paper and compared later. */
      auditHead: auditHeadRef.nullable(),
      /** Heads recorded by backups made from this vault (kept in the anchor) that are no longer in the chain. */
      backupHeadsChecked: z.number().int().nonnegative(),
      backupHeadsMissing: z.number().int().nonnegative(),
      /** What the unlock found wrong with the history, while it stands. */
      historyProblem: historyProblem.nullable(),
    }),
  ),
  /**
   * After an unlock found the database older than its history anchor: the coordinator continues with it as it is.
   * What was found is written to the audit log and the anchor follows the database from then on.
   */
  'vault.acceptHistory': channel('vault.admin', empty, sessionInfo),
  /** Called on user activity (throttled by the renderer) so that idle auto-lock knows the user is there. */
  'vault.touch': channel('session', empty, nothing),
} as const;
