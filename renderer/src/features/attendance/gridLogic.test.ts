import { describe, expect, it } from 'vitest';
import type { AttendanceGrid, AttendanceRow } from '@shared/attendance';
import type { Session } from '@shared/sessions';
import {
  commandForKey,
  markOf,
  moveFrom,
  nextPersonAfterMark,
  openingWeek,
  sessionRate,
  unmarkable,
  withMark,
  type KeyPress,
  type MarkLetters,
} from './gridLogic';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});

function session(id: string, date: string, state: Session['state'] = 'planned'): Session {
  return {
    id,
    cohortId: 'c1',
    date,
    startTime: '09:00',
    endTime: '12:00',
    place: null,
    topic: null,
    facilitatorId: null,
    facilitatorName: null,
    partnerId: null,
    partnerName: null,
    guest: null,
    notes: null,
    state,
    cancelReason: state === 'cancelled' ? 'ill' : null,
    extra: false,
    hasVisit: false,
  };
}

const FIGURES = { counted: 0, attended: 0, rate: null, absenceStreak: 0, flags: [] };

function row(participantId: string, marks: AttendanceRow['marks'] = {}, end: string | null = null): AttendanceRow {
  return {
    participantId,
    displayName: participantId,
    pseudonym: `P-${participantId}`,
    enrolmentStart: '2027-01-11',
    enrolmentEnd: end,
    marks,
    figures: FIGURES,
  };
}

/** The English letters; each language's own are checked in markLetters.test.ts. */
const EN: MarkLetters = { present: 'P', late: 'L', leftEarly: 'E', excused: 'X', absent: 'A' };
/** The Finnish letters: L läsnä, M myöhässä, K lähti kesken, I ilmoitettu poissaolo, P poissa. */
const FI: MarkLetters = { present: 'L', late: 'M', leftEarly: 'K', excused: 'I', absent: 'P' };

describe('the keys of the attendance grid', () => {
  it('moves with the arrows, Home and End, and to the corners with Ctrl+Home / Ctrl+End', () => {
    expect(commandForKey(press('ArrowUp'), EN)).toEqual({ kind: 'move', direction: 'up' });
    expect(commandForKey(press('ArrowDown'), EN)).toEqual({ kind: 'move', direction: 'down' });
    expect(commandForKey(press('ArrowLeft'), EN)).toEqual({ kind: 'move', direction: 'left' });
    expect(commandForKey(press('ArrowRight'), EN)).toEqual({ kind: 'move', direction: 'right' });
    expect(commandForKey(press('Home'), EN)).toEqual({ kind: 'move', direction: 'rowStart' });
    expect(commandForKey(press('End'), EN)).toEqual({ kind: 'move', direction: 'rowEnd' });
    expect(commandForKey(press('Home', { ctrlKey: true }), EN)).toEqual({ kind: 'move', direction: 'gridStart' });
    expect(commandForKey(press('End', { metaKey: true }), EN)).toEqual({ kind: 'move', direction: 'gridEnd' });
  });

  it('in English marks with the letters P, L, E, X, A in either case and the digits 1–5 in legend order', () => {
    const letters = ['P', 'L', 'E', 'X', 'A'].map((key) => commandForKey(press(key), EN));
    const lower = ['p', 'l', 'e', 'x', 'a'].map((key) => commandForKey(press(key), EN));
    const digits = ['1', '2', '3', '4', '5'].map((key) => commandForKey(press(key), EN));
    const marks = ['present', 'late', 'leftEarly', 'excused', 'absent'].map((mark) => ({ kind: 'mark', mark }));
    expect(letters).toEqual(marks);
    expect(lower).toEqual(marks);
    expect(digits).toEqual(marks);
    expect(commandForKey(press('6'), EN)).toBeNull();
    expect(commandForKey(press('0'), EN)).toBeNull();
  });

  it('takes the letters of the language given: in Finnish P is absent and L present, the digits as in English', () => {
    expect(commandForKey(press('p'), FI)).toEqual({ kind: 'mark', mark: 'absent' });
    expect(commandForKey(press('L'), FI)).toEqual({ kind: 'mark', mark: 'present' });
    expect(commandForKey(press('k'), FI)).toEqual({ kind: 'mark', mark: 'leftEarly' });
    expect(commandForKey(press('x'), FI)).toBeNull();
    expect(commandForKey(press('1'), FI)).toEqual({ kind: 'mark', mark: 'present' });
  });

  it('clears with Delete and Backspace and undoes with Ctrl+Z or Cmd+Z', () => {
    expect(commandForKey(press('Delete'), EN)).toEqual({ kind: 'mark', mark: null });
    expect(commandForKey(press('Backspace'), EN)).toEqual({ kind: 'mark', mark: null });
    expect(commandForKey(press('z', { ctrlKey: true }), EN)).toEqual({ kind: 'undo' });
    expect(commandForKey(press('Z', { metaKey: true }), EN)).toEqual({ kind: 'undo' });
  });

  it('leaves other keys and the app’s shortcuts to the browser', () => {
    expect(commandForKey(press('Tab'), EN)).toBeNull();
    expect(commandForKey(press('Enter'), EN)).toBeNull();
    expect(commandForKey(press('q'), EN)).toBeNull();
    expect(commandForKey(press('p', { ctrlKey: true }), EN)).toBeNull();
    expect(commandForKey(press('a', { altKey: true }), EN)).toBeNull();
    expect(commandForKey(press('z', { ctrlKey: true, shiftKey: true }), EN)).toBeNull();
    expect(commandForKey(press('ArrowDown', { shiftKey: true }), EN)).toBeNull();
    expect(commandForKey(press('l', { ctrlKey: true }), EN)).toBeNull();
  });
});

describe('after a mark', () => {
  it('goes on to the next person in the same session, and stays on the last one', () => {
    expect(nextPersonAfterMark({ row: 0, col: 2 }, 3)).toEqual({ row: 1, col: 2 });
    expect(nextPersonAfterMark({ row: 1, col: 2 }, 3)).toEqual({ row: 2, col: 2 });
    expect(nextPersonAfterMark({ row: 2, col: 2 }, 3)).toEqual({ row: 2, col: 2 });
  });
});

describe('moving the selected cell', () => {
  const size = { rows: 3, cols: 4 };

  it('moves one cell at a time and stops at the edges', () => {
    expect(moveFrom({ row: 0, col: 0 }, 'up', size)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 0, col: 0 }, 'left', size)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 0, col: 0 }, 'down', size)).toEqual({ row: 1, col: 0 });
    expect(moveFrom({ row: 1, col: 0 }, 'right', size)).toEqual({ row: 1, col: 1 });
    expect(moveFrom({ row: 2, col: 3 }, 'down', size)).toEqual({ row: 2, col: 3 });
    expect(moveFrom({ row: 2, col: 3 }, 'right', size)).toEqual({ row: 2, col: 3 });
  });

  it('goes to the row’s ends and the grid’s corners', () => {
    expect(moveFrom({ row: 1, col: 2 }, 'rowStart', size)).toEqual({ row: 1, col: 0 });
    expect(moveFrom({ row: 1, col: 1 }, 'rowEnd', size)).toEqual({ row: 1, col: 3 });
    expect(moveFrom({ row: 1, col: 1 }, 'gridStart', size)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 1, col: 1 }, 'gridEnd', size)).toEqual({ row: 2, col: 3 });
  });

  it('brings a position left outside a smaller grid (after a reload) back inside', () => {
    expect(moveFrom({ row: 9, col: 9 }, 'up', size)).toEqual({ row: 1, col: 3 });
    expect(moveFrom({ row: 0, col: 0 }, 'down', { rows: 0, cols: 0 })).toEqual({ row: 0, col: 0 });
  });
});

describe('which cells take a mark', () => {
  const today = '2027-01-20';

  it('refuses cancelled and future sessions and days outside the enrolment', () => {
    expect(unmarkable(session('s1', '2027-01-12'), row('a'), today)).toBeNull();
    expect(unmarkable(session('s1', today), row('a'), today)).toBeNull();
    expect(unmarkable(session('s1', '2027-01-12', 'cancelled'), row('a'), today)).toBe('cancelled');
    expect(unmarkable(session('s1', '2027-01-21'), row('a'), today)).toBe('future');
    expect(unmarkable(session('s1', '2027-01-10'), row('a'), today)).toBe('notEnrolled');
    expect(unmarkable(session('s1', '2027-01-19'), row('a', {}, '2027-01-18'), today)).toBe('notEnrolled');
    expect(unmarkable(session('s1', '2027-01-18'), row('a', {}, '2027-01-18'), today)).toBeNull();
  });
});

describe('one mark in the grid shown', () => {
  const grid: AttendanceGrid = {
    cohortId: 'c1',
    sessions: [session('s1', '2027-01-11'), session('s2', '2027-01-12')],
    rows: [row('a', { s1: 'present' }), row('b', { s1: 'absent' }), row('c')],
    sessionRates: { s1: 50, s2: null },
    threshold: 70,
  };

  it('changes only the participant’s row and keeps the other rows as they were', () => {
    const next = withMark(grid, 's1', 'b', 'late');
    expect(markOf(next, 's1', 'b')).toBe('late');
    expect(next.rows[0]).toBe(grid.rows[0]);
    expect(next.rows[2]).toBe(grid.rows[2]);
    expect(next.rows[1]).not.toBe(grid.rows[1]);
    expect(next.sessionRates).toEqual({ s1: 100, s2: null });
    expect(markOf(grid, 's1', 'b'), 'the grid before is left alone').toBe('absent');
  });

  it('clears a mark and counts the session again without it', () => {
    const next = withMark(grid, 's1', 'a', null);
    expect(markOf(next, 's1', 'a')).toBeNull();
    expect(next.rows[0]?.marks).toEqual({});
    expect(next.sessionRates.s1).toBe(0);
  });

  it('returns the same grid when nothing changes, and takes the main side’s figures when given', () => {
    expect(withMark(grid, 's1', 'a', 'present')).toBe(grid);
    const figures = { counted: 1, attended: 1, rate: 100, absenceStreak: 0, flags: [] };
    expect(withMark(grid, 's1', 'a', 'present', figures).rows[0]?.figures).toEqual(figures);
  });

  it('leaves out excused absences from a session’s rate and rounds down', () => {
    expect(sessionRate(['present', 'excused'])).toBe(100);
    expect(sessionRate(['excused'])).toBeNull();
    expect(sessionRate(['present', 'late', 'absent'])).toBe(66);
    expect(sessionRate(['leftEarly', 'absent'])).toBe(50);
  });
});

describe('the week the grid opens on', () => {
  const period = { startDate: '2027-03-17', endDate: '2027-05-25' };

  it('is this week while the cohort runs, or with no cohort period given', () => {
    expect(openingWeek('2027-04-08', period)).toBe('2027-04-05');
    expect(openingWeek('2027-03-17', period)).toBe('2027-03-15');
    expect(openingWeek('2027-05-25', period)).toBe('2027-05-24');
    expect(openingWeek('2026-11-29', undefined)).toBe('2026-11-23');
  });

  it('is the first week before the cohort starts and the last week after it ends', () => {
    expect(openingWeek('2026-11-29', period)).toBe('2027-03-15');
    expect(openingWeek('2027-03-16', period)).toBe('2027-03-15');
    expect(openingWeek('2027-05-26', period)).toBe('2027-05-24');
    expect(openingWeek('2028-01-01', period)).toBe('2027-05-24');
  });
});
