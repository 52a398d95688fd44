import { ABSENCE_STREAK_FLAG, ATTENDED_MARKS, type AttendanceFigures, type AttendanceMark } from '@shared/attendance';

/** A session as the figures need it: when, and whether it is still in the calendar. */
export interface FigureSession {
  id: string;
  date: string;
  state: 'planned' | 'cancelled';
}

/** A period a participant was enrolled (in group mode): from start to end, both included; open when end is null. */
export interface EnrolledPeriod {
  startDate: string;
  endDate: string | null;
}

const attended = (mark: AttendanceMark) => ATTENDED_MARKS.includes(mark);

/** Whole per cent, rounded down, so that a rate shown as under the threshold is under it, and the reverse. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 100) / whole);
}

/**
 * A participant's figures over `sessions` (the whole cohort, in time order). Counted: sessions held (planned, on or
 * before `today`) while one of `periods` was open, that have a mark other than `excused`. The streak is the run of
 * `absent` marks at the end of the counted sessions: an excused absence neither counts nor breaks it, and an
 * unmarked session is not counted at all.
 */
export function attendanceFigures(
  sessions: readonly FigureSession[],
  marks: ReadonlyMap<string, AttendanceMark>,
  periods: readonly EnrolledPeriod[],
  today: string,
  threshold: number,
): AttendanceFigures {
  let counted = 0;
  let attendedCount = 0;
  let absenceStreak = 0;
  for (const session of sessions) {
    if (session.state !== 'planned' || session.date > today) continue;
    if (!periods.some((p) => p.startDate <= session.date && (p.endDate === null || session.date <= p.endDate))) continue;
    const mark = marks.get(session.id);
    if (mark === undefined || mark === 'excused') continue;
    counted += 1;
    if (attended(mark)) {
      attendedCount += 1;
      absenceStreak = 0;
    } else absenceStreak += 1;
  }
  const rate = percent(attendedCount, counted);
  const flags: AttendanceFigures['flags'] = [];
  if (rate !== null && rate < threshold) flags.push('lowRate');
  if (absenceStreak >= ABSENCE_STREAK_FLAG) flags.push('absenceStreak');
  return { counted, attended: attendedCount, rate, absenceStreak, flags };
}

/** Share attended of the marks given to one session, excused absences left out; null when none count. */
export function sessionRate(marks: readonly AttendanceMark[]): number | null {
  const counted = marks.filter((mark) => mark !== 'excused');
  return percent(counted.filter(attended).length, counted.length);
}
