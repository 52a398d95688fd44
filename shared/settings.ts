/**
 * The vault's settings, the same for every user: auto-lock, the attendance threshold, the reports' small-count
 * threshold, the name on the unlock screen,
 * and the organisation's name and phone number printed on the participants' week schedule.
 */
import { z } from 'zod';
import { ATTENDANCE_THRESHOLD } from './attendance';
import { channel } from './channel';
import { REPORT_THRESHOLD } from './reports';
import { optionalLine, phone } from './text-fields';

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;
export const ORGANISATION_NAME_MAX = 120;

export const settings = z.object({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
  /** Per cent: a participant attending less is flagged on the cohort page and the home page. */
  attendanceThreshold: z.number().int().min(ATTENDANCE_THRESHOLD.min).max(ATTENDANCE_THRESHOLD.max),
  /** The smallest count a report shows as a number; smaller ones show as "<k" (shared/reports.ts). */
  reportThreshold: z.number().int().min(REPORT_THRESHOLD.min).max(REPORT_THRESHOLD.max),
  /**
   * Whether the unlock screen offers the name of whoever unlocked last. Off by default: the name is then kept
   * outside the vault, where anyone holding the locked laptop can read who works there (docs/security.md).
   */
  showLastUserName: z.boolean(),
  /** The organisation's name on the participants' week schedule; null: not printed. */
  organisationName: optionalLine(ORGANISATION_NAME_MAX),
  /** The number participants call when ill, on the week schedule; null: not printed. */
  organisationPhone: phone,
});
export type Settings = z.infer<typeof settings>;
/** The settings that are whole numbers (auto-lock, threshold), each shown with its own number field. */
export type NumberSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

const empty = z.object({}).strict();

export const settingsChannels = {
  'settings.get': channel('session', empty, settings),
  'settings.update': channel('settings.write', settings.partial().strict(), settings),
} as const;
