import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Failure } from '@shared/errors';
import type { AttendanceGrid, AttendanceMark } from '@shared/attendance';
import { invoke } from '../../api/client';
import { invalidateChannels } from '../../api/query';
import { markOf, withMark } from './gridLogic';
import { MARK_CHANGES } from './mutations';
import { attendanceGridQuery } from './queries';

/** One change of a cell, remembered for the one-step undo. */
export interface MarkChange {
  sessionId: string;
  participantId: string;
  before: AttendanceMark | null;
  after: AttendanceMark | null;
}

/** What became of a save: done (with the change), or refused by the main side (shown as before again). */
export type SaveOutcome = { ok: true; change: MarkChange } | { ok: false; change: MarkChange; failure: Failure };

/**
 * A cohort's attendance grid for the week starting `weekStart` (or the whole cohort when null), and its marks
 * saved one by one: the grid shows a mark at once and goes back to the mark before if the main side refuses it.
 * When the same cell is changed again before the answer comes, the later change decides what is shown. A change
 * to the cohort's sessions on the same page reloads the grid (programme/mutations.ts).
 */
export function useAttendanceGrid(cohortId: string, weekStart: string | null) {
  const client = useQueryClient();
  const options = useMemo(() => attendanceGridQuery(cohortId, weekStart), [cohortId, weekStart]);
  const query = useQuery(options);
  const grid = query.data ?? null;
  const gridRef = useRef<AttendanceGrid | null>(null);
  useLayoutEffect(() => {
    gridRef.current = grid;
  }, [grid]);
  const lastChange = useRef<MarkChange | null>(null);
  const latest = useRef(new Map<string, number>());
  const sequence = useRef(0);

  // Undo belongs to the grid it was made in: another week or cohort has nothing to undo.
  useLayoutEffect(() => {
    lastChange.current = null;
  }, [options]);
  const setGrid = useCallback(
    (update: (grid: AttendanceGrid) => AttendanceGrid) =>
      client.setQueryData<AttendanceGrid>(options.queryKey, (g) => g && update(g)),
    [client, options],
  );

  const save = useCallback(
    async (
      sessionId: string,
      participantId: string,
      after: AttendanceMark | null,
      undoing: boolean,
    ): Promise<SaveOutcome | null> => {
      const shown = gridRef.current;
      if (!shown) return null;
      const before = markOf(shown, sessionId, participantId);
      const change: MarkChange = { sessionId, participantId, before, after };
      const cell = `${sessionId}:${participantId}`;
      const turn = ++sequence.current;
      latest.current.set(cell, turn);
      lastChange.current = undoing ? null : change;
      setGrid((g) => withMark(g, sessionId, participantId, after));
      const result = await invoke('attendance.mark', { sessionId, participantId, mark: after });
      const stillLatest = latest.current.get(cell) === turn;
      if (result.ok) {
        void invalidateChannels(client, ...MARK_CHANGES);
        if (stillLatest) setGrid((g) => withMark(g, sessionId, participantId, result.value.mark, result.value.figures));
        return { ok: true, change };
      }
      if (stillLatest) {
        setGrid((g) => withMark(g, sessionId, participantId, before));
        if (lastChange.current === change) lastChange.current = null;
      }
      return { ok: false, change, failure: result };
    },
    [client, setGrid],
  );

  /** Sets or clears one mark; the change becomes the one that Ctrl+Z undoes. */
  const mark = useCallback(
    (sessionId: string, participantId: string, after: AttendanceMark | null) => save(sessionId, participantId, after, false),
    [save],
  );

  /** Puts back the mark before the last change; null when there is nothing to undo. Undo is one step deep. */
  const undo = useCallback(async (): Promise<SaveOutcome | null> => {
    const last = lastChange.current;
    if (!last) return null;
    return save(last.sessionId, last.participantId, last.before, true);
  }, [save]);

  const lastChanged = useCallback(() => lastChange.current, []);

  return { grid, query, mark, undo, lastChanged };
}
