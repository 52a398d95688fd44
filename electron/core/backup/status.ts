import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { BACKUP_REMINDER_DAYS, type BackupStatus } from '@shared/backup';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../settings/repo';
import { RECOVERY_CONFIRMED } from '../vault/vault-database';

/** Settings of backups, in the vault's settings table (so a backup carries them, and a restore sets them). */
export const BACKUP_SETTINGS = {
  lastAt: 'backup.lastAt',
  /** The folder of the last backup on this laptop (never the file name), for the settings screen. */
  lastFolder: 'backup.lastFolder',
  reminderDays: 'backup.reminderDays',
  /** Written into a restored database before it is swapped in: when, and which backup. */
  restored: 'backup.restored',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDateTime = z.iso.datetime();
const restoredSchema = z.object({ restoredAt: isoDateTime, backupCreatedAt: isoDateTime });
const reminderSchema = z.number().int().min(BACKUP_REMINDER_DAYS.min).max(BACKUP_REMINDER_DAYS.max);

/**
 * The backup state of the open vault. A restore waits for a decision while the previous database is kept
 * (`previousDb`); its dates come from the marker the restore wrote, or the kept file's time if that is missing.
 */
export function readBackupStatus(db: Db, previousDb: string, now: Date): BackupStatus {
  const { lastBackupAt, reminderDays, due } = backupReminder(db, now);
  const lastBackupFolder = z
    .string()
    .nullable()
    .catch(null)
    .parse(readSetting(db, BACKUP_SETTINGS.lastFolder) ?? null);
  return { lastBackupAt, lastBackupFolder, reminderDays, due, pendingRestore: pendingRestore(db, previousDb) };
}

/** When the last backup was made, and whether the reminder is due: no backup yet, or none for `reminderDays`. */
export function backupReminder(db: Db, now: Date): { lastBackupAt: string | null; reminderDays: number; due: boolean } {
  const lastBackupAt = isoDateTime
    .nullable()
    .catch(null)
    .parse(readSetting(db, BACKUP_SETTINGS.lastAt) ?? null);
  const reminderDays = reminderSchema.catch(BACKUP_REMINDER_DAYS.default).parse(readSetting(db, BACKUP_SETTINGS.reminderDays));
  const due = reminderDays > 0 && (lastBackupAt === null || now.getTime() - Date.parse(lastBackupAt) >= reminderDays * DAY_MS);
  return { lastBackupAt, reminderDays, due };
}

function pendingRestore(db: Db, previousDb: string): BackupStatus['pendingRestore'] {
  if (!existsSync(previousDb)) return null;
  const marker = restoredSchema.safeParse(readSetting(db, BACKUP_SETTINGS.restored));
  if (marker.success) return marker.data;
  const keptAt = statSync(previousDb).mtime.toISOString();
  return { restoredAt: keptAt, backupCreatedAt: keptAt };
}

/** Notes a backup just written. */
export function recordBackup(db: Db, at: string, folder: string): void {
  writeSetting(db, BACKUP_SETTINGS.lastAt, at);
  writeSetting(db, BACKUP_SETTINGS.lastFolder, folder);
}

export function writeReminderDays(db: Db, days: number): void {
  writeSetting(db, BACKUP_SETTINGS.reminderDays, days);
}

/** The restore was kept: the marker goes. */
export function clearRestoreMarker(db: Db): void {
  writeSetting(db, BACKUP_SETTINGS.restored, null);
}

/**
 * Settings a restored database takes from the vault it replaces, because they describe this laptop rather than
 * the data: whether the recovery code was confirmed, and the backups made here.
 */
export function settingsOfThisLaptop(db: Db): [string, unknown][] {
  const keys = [RECOVERY_CONFIRMED, BACKUP_SETTINGS.lastAt, BACKUP_SETTINGS.lastFolder, BACKUP_SETTINGS.reminderDays];
  return keys.map((key): [string, unknown] => [key, readSetting(db, key) ?? null]);
}
