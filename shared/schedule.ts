/**
 * The week schedule: a cohort's week as the group gets it on paper, previewed, saved as a PDF or printed.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { LOCALES } from './locales';
import { isoDate, rule } from './text-fields';

/** A cohort's week as the group gets it on paper: topics, times, places; no personal data. */
export const weekScheduleRequest = z
  .object({ cohortId: recordId, weekStart: isoDate, locale: z.enum(LOCALES) })
  .strict()
  .refine((r) => new Date(`${r.weekStart}T00:00:00Z`).getUTCDay() === 1, rule('not_monday', ['weekStart']));

const cancelled = z.object({ status: z.literal('cancelled') });

export const scheduleChannels = {
  /** The week schedule as it will print, for the preview. */
  'schedule.preview': channel('programme.read', weekScheduleRequest, z.object({ html: z.string() })),
  /** Asks where to save and writes the week schedule as a PDF; audited. */
  'schedule.pdf': channel(
    'programme.read',
    weekScheduleRequest,
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('saved'), fileName: z.string() })]),
  ),
  /** Sends the week schedule to the system print dialog; audited. */
  'schedule.print': channel(
    'programme.read',
    weekScheduleRequest,
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('printed') })]),
  ),
} as const;
