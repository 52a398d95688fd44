/** The vault's settings, the same for every user: auto-lock, the attendance threshold, the name on the unlock screen. */
import { z } from 'zod';
import { ATTENDANCE_THRESHOLD } from './attendance';
import { channel } from './channel';

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;

export const settings = z.object({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
  /** Per cent: a participant attending less is flagged on the cohort page and the home page. */
  attendanceThreshold: z.number().int().min(ATTENDANCE_THRESHOLD.min).max(ATTENDANCE_THRESHOLD.max),
  /**
   * Whether the unlock screen offers the name of whoever unlocked last. Off by default: the name is then kept
   * outside the vault, where anyone holding the locked laptop can read who works there (docs/security.md).
   */
  showLastUserName: z.boolean(),
});
export type Settings = z.infer<typeof settings>;

const empty = z.object({}).strict();

export const settingsChannels = {
  'settings.get': channel('session', empty, settings),
  'settings.update': channel('settings.write', settings.partial().strict(), settings),
} as const;
