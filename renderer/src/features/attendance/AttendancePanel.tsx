import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Failure } from '@shared/errors';
import { type AttendanceGrid, type AttendanceMark, ATTENDANCE_MARKS } from '@shared/attendance';
import { dayOf, addDays, mondayOf } from '@shared/days';
import { programmeWeekOf } from '@shared/programme-calendar';
import { calendarWeekLabel, programmeWeekLabel, weekLastDay } from '../programme/weeks';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { formatDayRange } from '../../i18n/format';
import { formatSessionDay } from '../programme/format';
import { useCan } from '../../shell/session';
import { AttendanceLegend } from './AttendanceLegend';
import { AttendanceTable, SUMMARY_COLUMNS } from './AttendanceTable';
import { moveFrom, nextPersonAfterMark, openingWeek, unmarkable, type GridCommand, type Position } from './gridLogic';
import { useMarkLetters } from './markLetters';
import { useAttendanceGrid, type MarkChange, type SaveOutcome } from './useAttendanceGrid';
import './attendance.css';
import { translateKey } from '../../i18n/keys';

export interface AttendancePanelProps {
  cohortId: string;
  /** The cohort's period: the grid opens on its nearest week when today is outside it. */
  period?: { startDate: string; endDate: string };
  /** A session's day to open the grid's week at (the start page's "Mark attendance"); else as `period` says. */
  openAt?: string | undefined;
}

/** A cohort's attendance on its page, for those who may read it; marking for those who may write it. */
export function AttendancePanel({ cohortId, period, openAt }: AttendancePanelProps) {
  const canRead = useCan('attendance.read');
  const canWrite = useCan('attendance.write');
  if (!canRead) return null;
  return <AttendanceSection cohortId={cohortId} canWrite={canWrite} period={period} openAt={openAt} />;
}

type Scope = 'week' | 'all';

/** The sentence for a refused mark: the field problem the main side named, or the general one of the code. */
function reasonOf(failure: Failure): string {
  return failure.details?.issues?.[0]?.i18nKey ?? failure.i18nKey;
}

function AttendanceSection({
  cohortId,
  canWrite,
  period,
  openAt,
}: {
  cohortId: string;
  canWrite: boolean;
  period: { startDate: string; endDate: string } | undefined;
  openAt: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const today = useMemo(() => dayOf(new Date()), []);
  const [scope, setScope] = useState<Scope>('week');
  const [weekStart, setWeekStart] = useState(() => (openAt ? mondayOf(openAt) : openingWeek(today, period)));
  const { grid, query, mark, undo } = useAttendanceGrid(cohortId, scope === 'week' ? weekStart : null);
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const size = grid ? { rows: grid.rows.length + 1, cols: grid.sessions.length + SUMMARY_COLUMNS } : { rows: 0, cols: 0 };
  // A reload may bring a smaller grid: the selection stays inside it.
  const shownActive = clampInto(active, size);
  // The key handlers read what is shown through refs, so that they stay the same functions and the rows memoised.
  const activeRef = useRef(shownActive);
  const gridRef = useRef<AttendanceGrid | null>(grid);
  useLayoutEffect(() => {
    activeRef.current = shownActive;
    gridRef.current = grid;
  });

  const cellName = useCallback(
    (change: MarkChange, value: AttendanceMark | null) => {
      const shown = gridRef.current;
      const row = shown?.rows.find((r) => r.participantId === change.participantId);
      const s = shown?.sessions.find((x) => x.id === change.sessionId);
      return t('attendance.cell.label', {
        name: row?.displayName ?? '',
        code: row?.pseudonym ?? '',
        day: s ? formatSessionDay(s.date) : '',
        state: t(value ? `attendance.marks.${value}` : 'attendance.cell.empty'),
      });
    },
    [t],
  );

  const report = useCallback(
    (outcome: SaveOutcome | null, undoing: boolean) => {
      if (!outcome) return;
      if (outcome.ok) {
        setError(null);
        setStatus(
          t(undoing ? 'attendance.undone' : 'attendance.saved', { cell: cellName(outcome.change, outcome.change.after) }),
        );
      } else {
        setStatus(null);
        setError(t('attendance.refused', { reason: translateKey(t, reasonOf(outcome.failure)) }));
      }
    },
    [t, cellName],
  );

  /** Sets the selected cell's mark; false when the cell cannot take one (and says why). */
  const markActive = useCallback(
    (value: AttendanceMark | null): boolean => {
      const shown = gridRef.current;
      if (!shown || !canWrite) return false;
      const at = activeRef.current;
      const row = shown.rows[at.row];
      const s = shown.sessions[at.col];
      if (!row || !s) return false;
      const blocked = unmarkable(s, row, today);
      if (blocked) {
        setStatus(t('attendance.notMarkable', { state: t(`attendance.cell.${blocked}`) }));
        return false;
      }
      if ((row.marks[s.id] ?? null) === value) return true;
      void mark(s.id, row.participantId, value).then((outcome) => report(outcome, false));
      return true;
    },
    [canWrite, mark, report, t, today],
  );

  const undoLast = useCallback(() => {
    if (!canWrite) return;
    const pending = undo();
    void pending.then((outcome) => {
      if (!outcome) return setStatus(t('attendance.nothingToUndo'));
      const shown = gridRef.current;
      const row = shown?.rows.findIndex((r) => r.participantId === outcome.change.participantId) ?? -1;
      const col = shown?.sessions.findIndex((x) => x.id === outcome.change.sessionId) ?? -1;
      if (row >= 0 && col >= 0) {
        setActive({ row, col });
        setFocusRequest((n) => n + 1);
      }
      report(outcome, true);
    });
  }, [canWrite, undo, report, t]);

  const onCommand = useCallback(
    (command: GridCommand) => {
      if (command.kind === 'move') {
        const shown = gridRef.current;
        if (!shown) return;
        const bounds = { rows: shown.rows.length + 1, cols: shown.sessions.length + SUMMARY_COLUMNS };
        setActive(moveFrom(activeRef.current, command.direction, bounds));
        setFocusRequest((n) => n + 1);
      } else if (command.kind === 'mark') {
        // A mark typed goes on to the next person in the same session; clearing stays to put the right mark in.
        const shown = gridRef.current;
        if (markActive(command.mark) && command.mark !== null && shown) {
          setActive(nextPersonAfterMark(activeRef.current, shown.rows.length));
          setFocusRequest((n) => n + 1);
        }
      } else undoLast();
    },
    [markActive, undoLast],
  );

  const onActivate = useCallback((position: Position) => setActive(position), []);

  // Opened at a session's day (Today's "Mark attendance"): once its week is shown, the first person's cell of that
  // day's first session takes the focus, which scrolls to it and has a screen reader read who and which day it is.
  const pendingOpen = useRef(openAt);
  useEffect(() => {
    const day = pendingOpen.current;
    if (!day || !grid || scope !== 'week') return;
    pendingOpen.current = undefined;
    const col = grid.sessions.findIndex((x) => x.date === day);
    if (col < 0 || grid.rows.length === 0) return;
    setActive({ row: 0, col });
    setFocusRequest((n) => n + 1);
  }, [grid, scope]);

  function showWeek(start: string) {
    setWeekStart(start);
    setActive({ row: 0, col: 0 });
    setStatus(null);
    setError(null);
  }

  function showScope(next: Scope) {
    setScope(next);
    setActive({ row: 0, col: 0 });
    setStatus(null);
    setError(null);
  }

  const fromButton = useCallback(
    (value: AttendanceMark | null) => {
      markActive(value);
      setFocusRequest((n) => n + 1);
    },
    [markActive],
  );

  const start = period?.startDate;
  const end = period?.endDate;
  // The week's dates as its heading in the session list gives them: to Friday, or to Sunday with a weekend session.
  const lastDay = weekLastDay(weekStart, scope === 'week' && grid ? grid.sessions.map((x) => x.date) : []);
  // Formatting a date range is slow enough to feel on every key press: once a week (and language) only.
  const weekLabel = useMemo(
    () =>
      t('attendance.week.label', {
        week:
          start && end
            ? programmeWeekLabel(t, programmeWeekOf({ startDate: start, endDate: end }, weekStart))
            : calendarWeekLabel(t, weekStart),
        range: formatDayRange(weekStart, lastDay),
      }),
    [t, weekStart, lastDay, start, end],
  );

  return (
    <Section title={t('attendance.title')} className="attendance-panel">
      <div className="attendance-controls">
        <div role="group" aria-label={t('attendance.scope.label')} className="attendance-scope">
          {(['week', 'all'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className={scope === value ? 'button button-primary' : 'button button-secondary'}
              aria-pressed={scope === value}
              onClick={() => showScope(value)}
            >
              {t(`attendance.scope.${value}`)}
            </button>
          ))}
        </div>
        {scope === 'week' ? (
          <div className="attendance-week">
            <button type="button" className="button button-secondary" onClick={() => showWeek(addDays(weekStart, -7))}>
              {t('attendance.week.previous')}
            </button>
            <p className="attendance-week-label" aria-live="polite">
              {weekLabel}
            </p>
            <button type="button" className="button button-secondary" onClick={() => showWeek(addDays(weekStart, 7))}>
              {t('attendance.week.next')}
            </button>
          </div>
        ) : null}
      </div>
      <AttendanceLegend canWrite={canWrite} />
      {canWrite ? null : <p className="notice notice-info">{t('attendance.readOnly')}</p>}
      {canWrite && grid && grid.rows.length > 0 && grid.sessions.length > 0 ? (
        <MarkButtons onMark={fromButton} onUndo={undoLast} />
      ) : null}
      <p role="alert" className={error ? 'notice notice-error' : 'visually-hidden'}>
        {error}
      </p>
      <p role="status" className={status ? 'attendance-status' : 'visually-hidden'}>
        {status}
      </p>
      <QueryState query={query} loading={t('common.loading')}>
        {(shownGrid) =>
          shownGrid.sessions.length === 0 ? (
            <p>{t(scope === 'week' ? 'attendance.empty.week' : 'attendance.empty.all')}</p>
          ) : shownGrid.rows.length === 0 ? (
            <p>{t('attendance.empty.participants')}</p>
          ) : (
            <AttendanceTable
              key={i18n.language}
              grid={shownGrid}
              today={today}
              canWrite={canWrite}
              active={shownActive}
              focusRequest={focusRequest}
              onCommand={onCommand}
              onActivate={onActivate}
            />
          )
        }
      </QueryState>
    </Section>
  );
}

/** Buttons for the selected cell, for those who point and click rather than type. */
const MarkButtons = memo(function MarkButtons({
  onMark,
  onUndo,
}: {
  onMark: (mark: AttendanceMark | null) => void;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const letters = useMarkLetters();
  return (
    <div role="group" aria-label={t('attendance.buttons.label')} className="attendance-buttons">
      {ATTENDANCE_MARKS.map((value) => (
        <button key={value} type="button" className="button button-secondary" onClick={() => onMark(value)}>
          <span className={`attendance-symbol attendance-mark-${value}`} aria-hidden="true">
            {letters[value]}
          </span>{' '}
          <span className="attendance-button-word">{t(`attendance.marks.${value}`)}</span>
        </button>
      ))}
      <button type="button" className="button button-secondary" onClick={() => onMark(null)}>
        {t('attendance.buttons.clear')}
      </button>
      <button type="button" className="button button-secondary" onClick={onUndo}>
        {t('attendance.buttons.undo')}
      </button>
    </div>
  );
});

function clampInto(at: Position, size: { rows: number; cols: number }): Position {
  return {
    row: Math.min(at.row, Math.max(size.rows - 1, 0)),
    col: Math.min(at.col, Math.max(size.cols - 1, 0)),
  };
}
