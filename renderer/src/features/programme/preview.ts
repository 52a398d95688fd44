/** What a new cohort's calendar will hold, worked out in the form before anything is saved. */
import { COHORT_LENGTH_WEEKS } from '@shared/cohorts';
import { generateSchedule, type SkippedDay } from '@shared/programme-calendar';

export interface CalendarPreview {
  sessions: number;
  /** The first and last session days; null when no session falls in the period. */
  first: string | null;
  last: string | null;
  skipped: SkippedDay[];
}

export interface PreviewInput {
  startDate: string;
  lengthWeeks: string;
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The calendar the form's values would make, or null while they cannot make one (a field empty or wrong). */
export function previewCalendar(input: PreviewInput): CalendarPreview | null {
  const weeks = Number(input.lengthWeeks);
  if (!ISO_DATE.test(input.startDate) || !CLOCK.test(input.startTime) || !CLOCK.test(input.endTime)) return null;
  if (!Number.isInteger(weeks) || weeks < COHORT_LENGTH_WEEKS.min || weeks > COHORT_LENGTH_WEEKS.max) return null;
  if (input.weekdays.length === 0 || input.endTime <= input.startTime) return null;
  try {
    const { planned, skipped } = generateSchedule({
      startDate: input.startDate,
      lengthWeeks: weeks,
      weekdays: input.weekdays,
      startTime: input.startTime,
      endTime: input.endTime,
    });
    return { sessions: planned.length, first: planned[0]?.date ?? null, last: planned.at(-1)?.date ?? null, skipped };
  } catch {
    // A date outside the calendar's years (or not a real day, e.g. 2027-02-30) makes no calendar to show.
    return null;
  }
}
