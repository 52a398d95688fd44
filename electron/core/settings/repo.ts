import { AUTO_LOCK_MINUTES, settings as settingsSchema, type Settings } from '@shared/settings';
import { ATTENDANCE_THRESHOLD } from '@shared/attendance';
import { REPORT_THRESHOLD } from '@shared/reports';
import type { Db } from '../db/open';
import { get, run, sql } from '../db/sql';

const DEFAULTS: Settings = {
  autoLockMinutes: AUTO_LOCK_MINUTES.default,
  attendanceThreshold: ATTENDANCE_THRESHOLD.default,
  reportThreshold: REPORT_THRESHOLD.default,
  showLastUserName: false,
  organisationName: null,
  organisationPhone: null,
};

/** Reads one stored value as JSON; undefined when unset. */
export function readSetting(db: Db, key: string): unknown {
  const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Stores one value as JSON. */
export function writeSetting(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  run(
    db,
    sql`INSERT INTO settings (key, value) VALUES (${key}, ${json})
              ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
}

/** The user-facing settings, with defaults for anything unset or out of range. */
export function readSettings(db: Db): Settings {
  const stored = {
    autoLockMinutes: readSetting(db, 'settings.autoLockMinutes') ?? DEFAULTS.autoLockMinutes,
    attendanceThreshold: readSetting(db, 'settings.attendanceThreshold') ?? DEFAULTS.attendanceThreshold,
    reportThreshold: readSetting(db, 'settings.reportThreshold') ?? DEFAULTS.reportThreshold,
    showLastUserName: readSetting(db, 'settings.showLastUserName') ?? DEFAULTS.showLastUserName,
    organisationName: readSetting(db, 'settings.organisationName') ?? DEFAULTS.organisationName,
    organisationPhone: readSetting(db, 'settings.organisationPhone') ?? DEFAULTS.organisationPhone,
  };
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULTS;
}

export function writeSettings(db: Db, change: Partial<Settings>): Settings {
  if (change.autoLockMinutes !== undefined) writeSetting(db, 'settings.autoLockMinutes', change.autoLockMinutes);
  if (change.attendanceThreshold !== undefined) writeSetting(db, 'settings.attendanceThreshold', change.attendanceThreshold);
  if (change.reportThreshold !== undefined) writeSetting(db, 'settings.reportThreshold', change.reportThreshold);
  if (change.showLastUserName !== undefined) writeSetting(db, 'settings.showLastUserName', change.showLastUserName);
  if (change.organisationName !== undefined) writeSetting(db, 'settings.organisationName', change.organisationName);
  if (change.organisationPhone !== undefined) writeSetting(db, 'settings.organisationPhone', change.organisationPhone);
  return readSettings(db);
}
