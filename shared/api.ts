/**
 * The IPC contract: every channel the renderer may invoke, with its input and output schema and the
 * access it needs. The main side validates input at runtime (dispatch); the renderer takes its types
 * from here at compile time.
 */
import { z } from 'zod';
import { backupChannels, backupToken } from './backup';
import { channel } from './channel';
import { cohortChannels } from './cohorts';
import { consentChannels } from './consents';
import { flagChannels } from './flags';
import { handoverChannels } from './handover';
import { noteChannels } from './notes';
import { printChannels } from './print';
import { ATTENDANCE_THRESHOLD, programmeChannels } from './programme';
import { psychosocialChannels } from './psychosocial';
import { retentionChannels } from './retention';
import { timelineChannels } from './timeline';
import { viewChannels } from './views';
import { ROLES } from './roles';
import { LOCALES } from './locales';
import { isoDateTime, singleLine } from './text-fields';
import {
  caseworkerOption,
  createParticipantInput,
  deleteParticipantInput,
  deletionPreview,
  listParticipantsInput,
  participant,
  participantId,
  participantPage,
  participantView,
  setStatusInput,
  updateParticipantInput,
} from './participants';

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;
export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;

export const passphrase = z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH);
/** Recovery codes are compared without spaces or dashes and case-insensitively. */
export const recoveryCode = z.string().min(20).max(80);
export const displayName = singleLine(80);
export const locale = z.enum(LOCALES);
export const role = z.enum(ROLES);

export const sessionInfo = z.object({
  userId: z.string(),
  displayName: z.string(),
  role,
  /** Set after unlocking with the recovery code: a new passphrase must be set before anything else. */
  mustChangePassphrase: z.boolean(),
  /** The recovery code has not been confirmed yet: the user must make and confirm a new one. */
  recoveryPending: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const userId = z.string().regex(/^[0-9a-f]{32}$/);
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

export const AUDIT_PAGE_SIZE = { default: 100, max: 500 } as const;
export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The user's current name; null for events without a user (failed unlocks). */
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  detail: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const vaultState = z.enum(['uninitialized', 'locked', 'unlocked', 'broken']);

const empty = z.object({}).strict();
const nothing = z.null();

export const settings = z.object({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
  /** Per cent: a participant attending less is flagged on the cohort page and the home page. */
  attendanceThreshold: z.number().int().min(ATTENDANCE_THRESHOLD.min).max(ATTENDANCE_THRESHOLD.max),
});
export type Settings = z.infer<typeof settings>;

export const api = {
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
  /** Makes a new recovery code (the old one stops working). Coordinator only. */
  'vault.newRecoveryCode': channel('vault.admin', empty, z.object({ recoveryCode: z.string() })),
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
    z.object({ passphrase: z.string().min(1).max(PASSPHRASE_MAX_LENGTH) }).strict(),
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
    }),
  ),
  /** Staff accounts, for the coordinator. */
  'users.list': channel('users.manage', empty, z.array(userSummary)),
  /** Adds a staff member with a one-time passphrase, to be changed at their first unlock. */
  'users.create': channel('users.manage', z.object({ displayName, role }).strict(), issuedPassphrase),
  'users.update': channel(
    'users.manage',
    z.object({ id: userId, displayName: displayName.optional(), role: role.optional() }).strict(),
    userSummary,
  ),
  /** Ends a staff member's access: their key slots are removed; their name stays in the records they made. */
  'users.deactivate': channel('users.manage', z.object({ id: userId }).strict(), userSummary),
  /** A new one-time passphrase (forgotten passphrase, or access given back to a deactivated user). */
  'users.issuePassphrase': channel('users.manage', z.object({ id: userId }).strict(), issuedPassphrase),
  /** The audit log, newest first, filtered; `beforeId` pages further back. Coordinator only. */
  'audit.list': channel(
    'audit.read',
    z
      .object({
        userId: userId.optional(),
        action: z.string().max(64).optional(),
        entity: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
        from: isoDateTime.optional(),
        to: isoDateTime.optional(),
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(AUDIT_PAGE_SIZE.max).optional(),
      })
      .strict(),
    z.object({ entries: z.array(auditEntry), hasMore: z.boolean() }),
  ),
  /** Recomputes the audit log's hash chain. */
  'audit.verify': channel('audit.read', empty, z.object({ rows: z.number().int(), firstBadRow: z.number().int().nullable() })),
  /** The participant registry, one page, as the reader's role may see it (see shared/roles.ts). */
  'participants.list': channel('participants.readLimited', listParticipantsInput, participantPage),
  /** Opens one participant's file, as the reader's role may see it; every open is audited. */
  'participants.get': channel('participants.readLimited', z.object({ id: participantId }).strict(), participantView),
  /** Refused with `possible_duplicate` (pseudonyms in details.matches) unless `confirmDuplicate` is set. */
  'participants.create': channel('participants.write', createParticipantInput, z.object({ participant })),
  /** `changed` names the fields whose values changed; the audit record holds those names, never values. */
  'participants.update': channel(
    'participants.write',
    updateParticipantInput,
    z.object({ participant, changed: z.array(z.string()) }),
  ),
  /** Moves a participant along the status workflow (STATUS_TRANSITIONS); others fail with `invalid_transition`. */
  'participants.setStatus': channel('participants.write', setStatusInput, z.object({ participant })),
  /** The first step of deleting a participant: what would be removed. Coordinator only. */
  'participants.deletionPreview': channel('participants.delete', z.object({ id: participantId }).strict(), deletionPreview),
  /**
   * Removes the participant and every row that belongs to them, from every table and full-text index, in
   * one transaction. Refused with `invalid_input` (confirmPseudonym) unless the pseudonym code is typed back.
   */
  'participants.delete': channel('participants.delete', deleteParticipantInput, nothing),
  /** Active staff who can be responsible for a participant (caseworkers and coordinators). */
  'participants.caseworkers': channel('participants.read', empty, z.array(caseworkerOption)),
  /** Called on user activity (throttled by the renderer) so that idle auto-lock knows the user is there. */
  'session.touch': channel('session', empty, nothing),
  'settings.get': channel('session', empty, settings),
  'settings.update': channel('settings.write', settings.partial().strict(), settings),
  /** The interface language; kept outside the vault (it is not personal data) so the locked screens use it too. */
  'prefs.setLocale': channel('public', z.object({ locale }).strict(), nothing),
  ...backupChannels,
  ...cohortChannels,
  ...consentChannels,
  ...flagChannels,
  ...handoverChannels,
  ...noteChannels,
  ...printChannels,
  ...programmeChannels,
  ...psychosocialChannels,
  ...retentionChannels,
  ...timelineChannels,
  ...viewChannels,
} as const;

export type Api = typeof api;
export type Channel = keyof Api;
export type InputOf<C extends Channel> = z.input<Api[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Api[C]['output']>;

export { EVENTS, type EventName, type EventPayloads, type LockReason } from './events';
