/**
 * The contract of whole-vault backups: export to one `.polkubackup` file (an SQLCipher 4 database keyed by a
 * backup passphrase), inspection before a restore, the restore itself and its confirmation. The renderer never
 * names a file: paths come from the shell's file choosers and stay on the main side (a token stands for them).
 */
import { z } from 'zod';
import { channel } from './channel';
import { currentPassphrase } from './passphrases';
import { isoDateTime, rawLine } from './text-fields';

export const BACKUP_EXTENSION = 'polkubackup';
/**
 * The format this version writes and the newest it reads. 2: the manifest records the audit log's head (row id and
 * hash) at the time of the copy; format 1 files, without it, are still read.
 */
export const BACKUP_FORMAT_VERSION = 2;
/** The first format whose manifest records the audit log's head. */
export const BACKUP_FORMAT_WITH_HEAD = 2;
export const BACKUP_PASSPHRASE = { min: 12, max: 1024 } as const;
export const BACKUP_REMINDER_DAYS = { min: 0, max: 365, default: 7 } as const;

const empty = z.object({}).strict();
const nothing = z.null();
/**
 * Typed again in any SQLCipher tool to open the file, so only what a keyboard types: no control characters. The
 * rule of every passphrase chosen for a file that leaves the vault (a backup, a handover file); the main side adds
 * the strength floor of assertPassphraseAcceptable.
 */
export const backupPassphrase = rawLine(BACKUP_PASSPHRASE.max, { min: BACKUP_PASSPHRASE.min });
/** Stands for a verified backup file chosen in this session; meaningless outside it. */
export const backupToken = z.string().regex(/^[0-9a-f]{32}$/);

/** What a backup holds, from its manifest: shown before a restore is confirmed. */
export const backupSummary = z.object({
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: isoDateTime,
  /** Rows per table, as written in the manifest and checked against the file. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Size of the file in bytes. */
  bytes: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

/** A coordinator in a backup, who can take over the vault it restores onto a new laptop. Staff names only. */
export const backupCoordinator = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/), displayName: z.string() });

export const backupStatus = z.object({
  lastBackupAt: isoDateTime.nullable(),
  /** The folder the last backup was written to (on this laptop), for the settings screen. */
  lastBackupFolder: z.string().nullable(),
  reminderDays: z.number().int().min(BACKUP_REMINDER_DAYS.min).max(BACKUP_REMINDER_DAYS.max),
  /** A reminder is set and the last backup is older than it (or there is none). */
  due: z.boolean(),
  /** A restore replaced the vault and the previous one is kept until the user keeps or undoes the restore. */
  pendingRestore: z.object({ restoredAt: isoDateTime, backupCreatedAt: isoDateTime }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

const cancelled = z.object({ status: z.literal('cancelled') });

export const backupChannels = {
  /** Asks where to save, writes the backup in the background (progress events, task 'backup'), then verifies it. */
  'backup.create': channel(
    'backup.manage',
    z.object({ passphrase: backupPassphrase, currentPassphrase }).strict(),
    z.discriminatedUnion('status', [
      cancelled,
      z.object({ status: z.literal('done'), fileName: z.string(), createdAt: isoDateTime, bytes: z.number().int() }),
    ]),
  ),
  /** Stops a running backup or restore; nothing it wrote is left behind. */
  'backup.cancel': channel('backup.manage', empty, nothing),
  'backup.status': channel('session', empty, backupStatus),
  'backup.setReminder': channel(
    'backup.manage',
    z.object({ days: z.number().int().min(BACKUP_REMINDER_DAYS.min).max(BACKUP_REMINDER_DAYS.max) }).strict(),
    backupStatus,
  ),
  /**
   * Asks for a backup file and verifies it with the passphrase (progress events, task 'verify'). Callable while
   * unlocked by the coordinator, and on a laptop without a vault (a fresh install restores onto nothing).
   */
  'backup.inspect': channel(
    'public',
    z.object({ passphrase: backupPassphrase }).strict(),
    z.discriminatedUnion('status', [
      cancelled,
      z.object({
        status: z.literal('ready'),
        token: backupToken,
        summary: backupSummary,
        /** Only on a fresh install: who may take over the restored vault. */
        coordinators: z.array(backupCoordinator),
      }),
    ]),
  ),
  /**
   * Restores an inspected backup over this vault: into a new file under this vault's key, swapped in atomically.
   * The previous vault is kept until backup.keepRestore (or put back by backup.undoRestore).
   */
  'backup.restore': channel('backup.manage', z.object({ token: backupToken }).strict(), backupStatus),
  'backup.keepRestore': channel('backup.manage', empty, backupStatus),
  'backup.undoRestore': channel('backup.manage', empty, backupStatus),
};
