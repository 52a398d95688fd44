import { memo, useLayoutEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceGrid, AttendanceMark, AttendanceRow } from '@shared/attendance';
import type { Session } from '@shared/sessions';
import { formatSessionDay } from '../programme/format';
import { commandForKey, unmarkable, type GridCommand, type MarkLetters, type Position, type Unmarkable } from './gridLogic';
import { useMarkLetters } from './markLetters';

/** The columns after the sessions: the participant's rate and flags. */
export const SUMMARY_COLUMNS = 2;

interface AttendanceTableProps {
  grid: AttendanceGrid;
  today: string;
  canWrite: boolean;
  active: Position;
  /** Set when a key or a button moved the selected cell: focus follows it. */
  focusRequest: number;
  onCommand: (command: GridCommand) => void;
  onActivate: (position: Position) => void;
}

/** How a session is named in the grid: its day, with the time when the cohort meets twice that day. */
function sessionDays(sessions: readonly Session[]): string[] {
  const perDay = new Map<string, number>();
  for (const s of sessions) perDay.set(s.date, (perDay.get(s.date) ?? 0) + 1);
  return sessions.map((s) => {
    const day = formatSessionDay(s.date);
    return (perDay.get(s.date) ?? 0) > 1 ? `${day} ${s.startTime}` : day;
  });
}

function positionOf(element: Element | null): Position | null {
  const cell = element?.closest<HTMLElement>('[data-cell]');
  const [row, col] = (cell?.dataset.cell ?? '').split(':').map(Number);
  return row === undefined || col === undefined || Number.isNaN(row) || Number.isNaN(col) ? null : { row, col };
}

/**
 * The attendance grid as an ARIA grid: participants in rows, sessions in columns, one cell in the tab order (the
 * selected one) and the arrow keys to move. Rows and cells are memoised: moving the selection renders the two
 * cells concerned, a mark renders one row.
 */
export function AttendanceTable({ grid, today, canWrite, active, focusRequest, onCommand, onActivate }: AttendanceTableProps) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const letters = useMarkLetters();
  // Written in the language of the moment: the panel mounts the table again when the language changes.
  const days = useMemo(() => sessionDays(grid.sessions), [grid.sessions]);
  const footerRow = grid.rows.length;

  // Focus follows a request only: a selection reset by another week or a reload leaves focus where it is.
  const handledRequest = useRef(focusRequest);
  useLayoutEffect(() => {
    if (focusRequest === handledRequest.current) return;
    handledRequest.current = focusRequest;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`)?.focus();
  }, [focusRequest, active.row, active.col]);

  function keyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (!positionOf(event.target as Element)) return;
    const command = commandForKey(event, letters);
    if (!command) return;
    event.preventDefault();
    onCommand(command);
  }

  function focus(event: FocusEvent<HTMLTableElement>) {
    const at = positionOf(event.target);
    if (at && (at.row !== active.row || at.col !== active.col)) onActivate(at);
  }

  return (
    <div className="attendance-scroll">
      <table
        ref={tableRef}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role -- the ARIA data grid pattern
        role="grid"
        className="attendance-grid"
        aria-label={t('attendance.grid.label')}
        aria-readonly={canWrite ? undefined : true}
        onKeyDown={keyDown}
        onFocus={focus}
      >
        <SessionHeader sessions={grid.sessions} days={days} />
        <tbody>
          {grid.rows.map((row, index) => (
            <ParticipantRow
              key={row.participantId}
              row={row}
              rowIndex={index}
              sessions={grid.sessions}
              days={days}
              today={today}
              threshold={grid.threshold}
              letters={letters}
              activeCol={active.row === index ? active.col : -1}
            />
          ))}
        </tbody>
        <tfoot>
          <SessionRateRow
            sessions={grid.sessions}
            days={days}
            rates={grid.sessionRates}
            rowIndex={footerRow}
            activeCol={active.row === footerRow ? active.col : -1}
          />
        </tfoot>
      </table>
    </div>
  );
}

/** The header: the sessions' days, a cancelled one struck through (and said so to screen readers). */
const SessionHeader = memo(function SessionHeader({ sessions, days }: { sessions: readonly Session[]; days: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr role="row">
        <th role="columnheader" scope="col" className="attendance-name">
          {t('attendance.grid.participant')}
        </th>
        {sessions.map((s, col) => (
          <th key={s.id} role="columnheader" scope="col" className={s.state === 'cancelled' ? 'attendance-cancelled' : undefined}>
            {s.state === 'cancelled' ? (
              <>
                <s aria-hidden="true">{days[col]}</s>
                <span className="visually-hidden">{t('attendance.grid.cancelledDay', { day: days[col] })}</span>
              </>
            ) : (
              days[col]
            )}
          </th>
        ))}
        <th role="columnheader" scope="col">
          {t('attendance.grid.rate')}
        </th>
        <th role="columnheader" scope="col">
          {t('attendance.grid.flags')}
        </th>
      </tr>
    </thead>
  );
});

interface ParticipantRowProps {
  row: AttendanceRow;
  rowIndex: number;
  sessions: readonly Session[];
  days: readonly string[];
  today: string;
  threshold: number;
  letters: MarkLetters;
  /** The selected column when the selection is in this row, -1 otherwise (so other rows do not render again). */
  activeCol: number;
}

const ParticipantRow = memo(function ParticipantRow({
  row,
  rowIndex,
  sessions,
  days,
  today,
  threshold,
  letters,
  activeCol,
}: ParticipantRowProps) {
  const { t } = useTranslation();
  const flagged = row.figures.flags.length > 0;
  const rate = row.figures.rate === null ? null : t('attendance.rate', { rate: row.figures.rate });
  return (
    <tr role="row" className={flagged ? 'attendance-flagged' : undefined}>
      <th role="rowheader" scope="row" className="attendance-name">
        {row.displayName} <span className="attendance-code">{row.pseudonym}</span>
      </th>
      {sessions.map((s, col) => {
        const mark = row.marks[s.id] ?? null;
        const blocked = unmarkable(s, row, today);
        const state = blocked ? t(`attendance.cell.${blocked}`) : t(mark ? `attendance.marks.${mark}` : 'attendance.cell.empty');
        return (
          <MarkCell
            key={s.id}
            position={`${rowIndex}:${col}`}
            mark={mark}
            letter={mark ? letters[mark] : null}
            word={mark ? t(`attendance.marks.${mark}`) : null}
            blocked={blocked}
            active={activeCol === col}
            label={t('attendance.cell.label', { name: row.displayName, code: row.pseudonym, day: days[col], state })}
          />
        );
      })}
      <SummaryCell position={`${rowIndex}:${sessions.length}`} active={activeCol === sessions.length}>
        {rate ?? (
          <>
            <span aria-hidden="true">–</span>
            <span className="visually-hidden">{t('attendance.noRate')}</span>
          </>
        )}
      </SummaryCell>
      <SummaryCell position={`${rowIndex}:${sessions.length + 1}`} active={activeCol === sessions.length + 1}>
        {flagged ? (
          <span className="attendance-flags">
            {row.figures.flags.includes('lowRate') ? (
              <span className="attendance-flag">{t('attendance.flags.lowRate', { threshold })}</span>
            ) : null}
            {row.figures.flags.includes('absenceStreak') ? (
              <span className="attendance-flag">{t('attendance.flags.absenceStreak', { n: row.figures.absenceStreak })}</span>
            ) : null}
          </span>
        ) : (
          <span className="visually-hidden">{t('attendance.flags.none')}</span>
        )}
      </SummaryCell>
    </tr>
  );
});

interface MarkCellProps {
  position: string;
  mark: AttendanceMark | null;
  /** The mark's letter and its word in the interface's language: both are shown, so nobody has to decode a letter. */
  letter: string | null;
  word: string | null;
  blocked: Unmarkable;
  active: boolean;
  label: string;
}

const MarkCell = memo(function MarkCell({ position, mark, letter, word, blocked, active, label }: MarkCellProps) {
  const classes = ['attendance-cell', mark ? `attendance-mark-${mark}` : '', blocked ? `attendance-${blocked}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <td
      role="gridcell"
      className={classes}
      data-cell={position}
      tabIndex={active ? 0 : -1}
      aria-selected={active}
      aria-readonly={blocked ? true : undefined}
      aria-label={label}
    >
      {mark ? (
        <span className="attendance-shown" aria-hidden="true">
          <span className="attendance-letter">{letter}</span> <span className="attendance-word">{word}</span>
        </span>
      ) : (
        <span aria-hidden="true">{blocked === 'cancelled' ? '—' : ''}</span>
      )}
    </td>
  );
});

const SummaryCell = memo(function SummaryCell({
  position,
  active,
  children,
}: {
  position: string;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <td
      role="gridcell"
      className="attendance-summary"
      data-cell={position}
      tabIndex={active ? 0 : -1}
      aria-selected={active}
      aria-readonly
    >
      {children}
    </td>
  );
});

interface SessionRateRowProps {
  sessions: readonly Session[];
  days: readonly string[];
  rates: Record<string, number | null>;
  rowIndex: number;
  activeCol: number;
}

/** The footer: each session's share attended of the marks given. */
const SessionRateRow = memo(function SessionRateRow({ sessions, days, rates, rowIndex, activeCol }: SessionRateRowProps) {
  const { t } = useTranslation();
  return (
    <tr role="row" className="attendance-footer">
      <th role="rowheader" scope="row" className="attendance-name">
        {t('attendance.grid.sessionRate')}
      </th>
      {sessions.map((s, col) => {
        const rate = rates[s.id] ?? null;
        const shown = rate === null ? t('attendance.noRate') : t('attendance.rate', { rate });
        return (
          <td
            key={s.id}
            role="gridcell"
            className="attendance-summary"
            data-cell={`${rowIndex}:${col}`}
            tabIndex={activeCol === col ? 0 : -1}
            aria-selected={activeCol === col}
            aria-readonly
            aria-label={t('attendance.sessionRateOf', { day: days[col], rate: shown })}
          >
            <span aria-hidden="true">{rate === null ? '–' : t('attendance.rate', { rate })}</span>
          </td>
        );
      })}
      <td
        role="gridcell"
        className="attendance-summary"
        data-cell={`${rowIndex}:${sessions.length}`}
        tabIndex={activeCol === sessions.length ? 0 : -1}
        aria-selected={activeCol === sessions.length}
        aria-readonly
      />
      <td
        role="gridcell"
        className="attendance-summary"
        data-cell={`${rowIndex}:${sessions.length + 1}`}
        tabIndex={activeCol === sessions.length + 1 ? 0 : -1}
        aria-selected={activeCol === sessions.length + 1}
        aria-readonly
      />
    </tr>
  );
});
