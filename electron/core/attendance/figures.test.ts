import { describe, expect, it } from 'vitest';
import { dayOf } from '@shared/days';
import type { AttendanceMark } from '@shared/attendance';
import { attendanceFigures, percent, sessionRate, type FigureSession } from './figures';

const TODAY = '2026-11-26';
const OPEN = [{ startDate: '2026-11-01', endDate: null }];

/** Sessions s1.. on consecutive days from 16 November, all planned unless told. */
function sessions(n: number, cancelled: number[] = []): FigureSession[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    date: `2026-11-${String(16 + i).padStart(2, '0')}`,
    state: cancelled.includes(i + 1) ? 'cancelled' : 'planned',
  }));
}

const marks = (...list: (AttendanceMark | null)[]) =>
  new Map(list.flatMap((mark, i) => (mark === null ? [] : [[`s${i + 1}`, mark] as const])));

describe('attendance figures', () => {
  it('count attended (present, late, left early) of the marked sessions, excused left out, rate rounded down', () => {
    const figures = attendanceFigures(sessions(5), marks('present', 'late', 'leftEarly', 'excused', 'absent'), OPEN, TODAY, 70);
    expect(figures).toEqual({ counted: 4, attended: 3, rate: 75, absenceStreak: 1, flags: [] });
    expect(attendanceFigures(sessions(3), marks('present', 'present', 'absent'), OPEN, TODAY, 70)).toMatchObject({
      rate: 66,
      flags: ['lowRate'],
    });
    expect(attendanceFigures(sessions(3), marks('present', 'present', 'absent'), OPEN, TODAY, 66).flags).toEqual([]);
  });

  it('have no rate and no flag before anything is counted', () => {
    expect(attendanceFigures(sessions(3), marks(null, 'excused'), OPEN, TODAY, 70)).toEqual({
      counted: 0,
      attended: 0,
      rate: null,
      absenceStreak: 0,
      flags: [],
    });
  });

  it('flag three unexcused absences in a row; an excused absence neither counts nor breaks the run', () => {
    const streak = attendanceFigures(
      sessions(7),
      marks('present', 'present', 'present', 'present', 'absent', 'excused', 'absent'),
      OPEN,
      TODAY,
      50,
    );
    expect(streak).toMatchObject({ absenceStreak: 2, flags: [] });
    const three = attendanceFigures(
      sessions(8),
      marks('present', 'present', 'present', 'present', 'absent', 'excused', 'absent', 'absent'),
      OPEN,
      TODAY,
      50,
    );
    expect(three).toMatchObject({ counted: 7, attended: 4, rate: 57, absenceStreak: 3, flags: ['absenceStreak'] });
    const broken = attendanceFigures(sessions(4), marks('absent', 'absent', 'late', 'absent'), OPEN, TODAY, 0);
    expect(broken).toMatchObject({ absenceStreak: 1, flags: [] });
  });

  it('leave out cancelled sessions, sessions after today and sessions outside the enrolment', () => {
    const all = marks('absent', 'absent', 'absent', 'present', 'present');
    expect(attendanceFigures(sessions(5, [1, 2]), all, OPEN, TODAY, 70)).toMatchObject({ counted: 3, attended: 2 });
    expect(attendanceFigures(sessions(5), all, OPEN, '2026-11-18', 70)).toMatchObject({
      counted: 3,
      attended: 0,
      flags: ['lowRate', 'absenceStreak'],
    });
    expect(attendanceFigures(sessions(5), all, [{ startDate: '2026-11-17', endDate: '2026-11-19' }], TODAY, 70)).toMatchObject({
      counted: 3,
      attended: 1,
    });
    expect(
      attendanceFigures(
        sessions(5),
        all,
        [
          { startDate: '2026-11-16', endDate: '2026-11-16' },
          { startDate: '2026-11-20', endDate: null },
        ],
        TODAY,
        70,
      ),
    ).toMatchObject({ counted: 2, attended: 1 });
  });

  it('rate a session by the marks given, excused left out', () => {
    expect(sessionRate([])).toBeNull();
    expect(sessionRate(['excused'])).toBeNull();
    expect(sessionRate(['present', 'absent', 'excused'])).toBe(50);
    expect(percent(2, 3)).toBe(66);
  });

  it('take today from the local clock', () => {
    expect(dayOf(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});
