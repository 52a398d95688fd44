import type { FlagKind, SafetyFlag } from '@shared/flags';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

interface FlagDbRow {
  id: string;
  participant_id: string;
  kind: FlagKind;
  note: string | null;
  set_by_name: string | null;
  set_at: string;
  cleared_by_name: string | null;
  cleared_at: string | null;
}

function toFlag(row: FlagDbRow): SafetyFlag {
  return {
    id: row.id,
    participantId: row.participant_id,
    kind: row.kind,
    note: row.note,
    setByName: row.set_by_name,
    setAt: row.set_at,
    clearedByName: row.cleared_by_name,
    clearedAt: row.cleared_at,
  };
}

/** A participant's flags: those in force first, newest first; cleared ones only when asked for. */
export function listFlags(db: Db, participantId: string, includeCleared: boolean): SafetyFlag[] {
  return all<FlagDbRow>(
    db,
    sql`SELECT f.*, s.display_name AS set_by_name, c.display_name AS cleared_by_name
        FROM safety_flags f
        LEFT JOIN users s ON s.id = f.set_by
        LEFT JOIN users c ON c.id = f.cleared_by
        WHERE f.participant_id = ${participantId} AND (${includeCleared ? 1 : 0} = 1 OR f.cleared_at IS NULL)
        ORDER BY f.cleared_at IS NOT NULL, coalesce(f.cleared_at, f.set_at) DESC, f.set_at DESC, f.id`,
  ).map(toFlag);
}

export function findFlag(db: Db, id: string): SafetyFlag | undefined {
  const row = get<FlagDbRow>(
    db,
    sql`SELECT f.*, s.display_name AS set_by_name, c.display_name AS cleared_by_name
        FROM safety_flags f
        LEFT JOIN users s ON s.id = f.set_by
        LEFT JOIN users c ON c.id = f.cleared_by
        WHERE f.id = ${id}`,
  );
  return row ? toFlag(row) : undefined;
}

export interface NewFlag {
  id: string;
  participantId: string;
  kind: FlagKind;
  note: string | null;
  setBy: string;
  setAt: string;
}

export function insertFlag(db: Db, f: NewFlag): void {
  run(
    db,
    sql`INSERT INTO safety_flags (id, participant_id, kind, note, set_by, set_at)
        VALUES (${f.id}, ${f.participantId}, ${f.kind}, ${f.note}, ${f.setBy}, ${f.setAt})`,
  );
}

export function markCleared(db: Db, id: string, by: string, at: string): void {
  run(db, sql`UPDATE safety_flags SET cleared_by = ${by}, cleared_at = ${at} WHERE id = ${id} AND cleared_at IS NULL`);
}
