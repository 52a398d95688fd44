import { mondayOf } from '@shared/days';
/**
 * The attendance grid's rules without React: which key does what, where the selected cell moves, which cells
 * can be marked, and how one mark changes the grid that is shown (so that only that participant's row changes).
 */
import {
  ATTENDANCE_MARKS,
  ATTENDED_MARKS,
  type AttendanceFigures,
  type AttendanceGrid,
  type AttendanceMark,
  type AttendanceRow,
} from '@shared/attendance';
import type { Session } from '@shared/sessions';

/**
 * The letter key of each mark in the interface's language (`attendance.keys.<mark>` in the catalogue, the one place
 * they are named): a Finn types P for "poissa", an English speaker for "present". The digits 1–5 give the same marks
 * in legend order whatever the language.
 */
export type MarkLetters = Readonly<Record<AttendanceMark, string>>;

export type Direction = 'up' | 'down' | 'left' | 'right' | 'rowStart' | 'rowEnd' | 'gridStart' | 'gridEnd';

export type GridCommand =
  | { kind: 'move'; direction: Direction }
  | { kind: 'mark'; mark: AttendanceMark | null }
  | { kind: 'undo' };

/** The parts of a keyboard event the grid looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const MOVES: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'rowStart',
  End: 'rowEnd',
};

/** The mark a typed letter stands for in `letters`, either case; undefined for any other key. */
function markOfLetter(letters: MarkLetters, key: string): AttendanceMark | undefined {
  const typed = key.toLocaleLowerCase();
  return ATTENDANCE_MARKS.find((mark) => letters[mark].toLocaleLowerCase() === typed);
}

/** What a key press means in the grid, with the letters of the interface's language; null leaves the key to the browser. */
export function commandForKey(press: KeyPress, letters: MarkLetters): GridCommand | null {
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'z') return { kind: 'undo' };
  if (press.key === 'Home' || press.key === 'End') {
    if (press.altKey || press.shiftKey) return null;
    if (command) return { kind: 'move', direction: press.key === 'Home' ? 'gridStart' : 'gridEnd' };
    return { kind: 'move', direction: MOVES[press.key] as Direction };
  }
  if (command || press.altKey) return null;
  const move = MOVES[press.key];
  if (move) return press.shiftKey ? null : { kind: 'move', direction: move };
  if (press.key === 'Delete' || press.key === 'Backspace') return { kind: 'mark', mark: null };
  const byLetter = markOfLetter(letters, press.key);
  if (byLetter) return { kind: 'mark', mark: byLetter };
  if (/^[1-9]$/.test(press.key)) {
    const mark = ATTENDANCE_MARKS[Number(press.key) - 1];
    if (mark) return { kind: 'mark', mark };
  }
  return null;
}

export interface Position {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), Math.max(max, 0));

/** Where the selected cell goes; it stops at the edges (no wrapping, as the ARIA grid pattern has it). */
export function moveFrom(at: Position, direction: Direction, size: GridSize): Position {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const row = clamp(at.row, lastRow);
  const col = clamp(at.col, lastCol);
  switch (direction) {
    case 'up':
      return { row: clamp(row - 1, lastRow), col };
    case 'down':
      return { row: clamp(row + 1, lastRow), col };
    case 'left':
      return { row, col: clamp(col - 1, lastCol) };
    case 'right':
      return { row, col: clamp(col + 1, lastCol) };
    case 'rowStart':
      return { row, col: 0 };
    case 'rowEnd':
      return { row, col: clamp(lastCol, lastCol) };
    case 'gridStart':
      return { row: 0, col: 0 };
    case 'gridEnd':
      return { row: clamp(lastRow, lastRow), col: clamp(lastCol, lastCol) };
  }
}

/**
 * Where the selected cell goes after a mark typed on the keyboard: the next person in the same session, so that a
 * teacher marks a session down its column; the last person stays selected (the row below holds the session rates).
 */
export function nextPersonAfterMark(at: Position, participants: number): Position {
  return { row: Math.min(at.row + 1, Math.max(participants - 1, 0)), col: at.col };
}

/** Why a cell cannot take a mark; null when it can. */
export type Unmarkable = 'cancelled' | 'future' | 'notEnrolled' | null;

/** Whether a participant can be marked for a session: held (not cancelled, not in the future) while enrolled. */
export function unmarkable(session: Session, row: AttendanceRow, today: string): Unmarkable {
  if (session.state === 'cancelled') return 'cancelled';
  if (session.date > today) return 'future';
  if (session.date < row.enrolmentStart) return 'notEnrolled';
  if (row.enrolmentEnd !== null && session.date > row.enrolmentEnd) return 'notEnrolled';
  return null;
}

/** The share attended of the marks given for one session, as the main side counts it (excused left out). */
export function sessionRate(marks: readonly AttendanceMark[]): number | null {
  const counted = marks.filter((mark) => mark !== 'excused');
  if (counted.length === 0) return null;
  return Math.floor((counted.filter((mark) => ATTENDED_MARKS.includes(mark)).length * 100) / counted.length);
}

/**
 * The grid with one mark set (or cleared): a new object for that participant's row and the session rates, the
 * same objects for every other row, so that memoised rows do not render again.
 */
export function withMark(
  grid: AttendanceGrid,
  sessionId: string,
  participantId: string,
  mark: AttendanceMark | null,
  figures?: AttendanceFigures,
): AttendanceGrid {
  let changed = false;
  const rows = grid.rows.map((row) => {
    if (row.participantId !== participantId) return row;
    const current = row.marks[sessionId] ?? null;
    if (current === mark && !figures) return row;
    changed = true;
    const marks = { ...row.marks };
    if (mark === null) delete marks[sessionId];
    else marks[sessionId] = mark;
    return { ...row, marks, figures: figures ?? row.figures };
  });
  if (!changed) return grid;
  const given = rows.flatMap((row) => {
    const value = row.marks[sessionId];
    return value ? [value] : [];
  });
  return { ...grid, rows, sessionRates: { ...grid.sessionRates, [sessionId]: sessionRate(given) } };
}

/** The mark a participant has for a session in the grid shown. */
export function markOf(grid: AttendanceGrid, sessionId: string, participantId: string): AttendanceMark | null {
  return grid.rows.find((row) => row.participantId === participantId)?.marks[sessionId] ?? null;
}

/**
 * The Monday of the week the grid opens on: this week while the cohort runs, its first week before it starts and its
 * last week after it has ended, so the page never opens on an empty week of a cohort that is not running.
 */
export function openingWeek(today: string, period: { startDate: string; endDate: string } | undefined): string {
  if (period === undefined) return mondayOf(today);
  if (today < period.startDate) return mondayOf(period.startDate);
  if (today > period.endDate) return mondayOf(period.endDate);
  return mondayOf(today);
}
