import { daysInMonth, dayOf, formatDay, parseDay } from '@shared/days';
import type { DueFile } from '@shared/retention';
import type { ClosedFile } from './repo';

/**
 * The same calendar day `years` later. A period counted from 29 February ends on 28 February of a common year
 * (the last day of that month), as periods counted in years are reckoned in Finnish law.
 */
export function addYears(day: string, years: number): string {
  const { year, month, day: date } = parseDay(day);
  const target = year + years;
  return formatDay({ year: target, month, day: Math.min(date, daysInMonth(target, month)) });
}

/**
 * The closed files whose retention period of `years` has ended by `today` (a file is due on the day its period
 * ends), oldest closing first. Nothing is due while the rule is off (0 years).
 */
export function dueFiles(closed: readonly ClosedFile[], years: number, today: string): DueFile[] {
  if (years <= 0) return [];
  const due: DueFile[] = [];
  for (const file of closed) {
    const closedOn = dayOf(new Date(file.closedAt));
    const dueSince = addYears(closedOn, years);
    if (dueSince <= today)
      due.push({ participantId: file.id, pseudonym: file.pseudonym, closedAt: file.closedAt, closedOn, dueSince });
  }
  return due;
}
