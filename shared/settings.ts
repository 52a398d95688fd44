/** The vault's settings, the same for every user: auto-lock and the attendance threshold. */
import { z } from 'zod';
import { ATTENDANCE_THRESHOLD } from './attendance';
import { channel } from './channel';

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;

export const settings = z.object({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
  /** Per cent: a participant attending less is flagged on the cohort page and the home page. */
  attendanceThreshold: z.number().int().min(ATTENDANCE_THRESHOLD.min).max(ATTENDANCE_THRESHOLD.max),
});
export type Settings = z.infer<typeof settings>;

const empty = z.object({}).strict();

export const settingsChannels = {
  'settings.get': channel('session', empty, settings),
  'settings.update': channel('settings.write', settings.partial().strict(), settings),
} as const;
