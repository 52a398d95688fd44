import { RETENTION_YEARS, retentionYears } from '@shared/retention';
import type { Db } from '../db/open';
import { all, run, sql } from '../db/sql';
import { readSetting, writeSetting } from '../settings/repo';

const YEARS_KEY = 'retention.closedYears';

/** The years a closed file is kept; 0 (off) when unset or when the stored value is not an allowed one. */
export function readRetentionYears(db: Db): number {
  const parsed = retentionYears.safeParse(readSetting(db, YEARS_KEY));
  return parsed.success ? parsed.data : RETENTION_YEARS.off;
}

export function writeRetentionYears(db: Db, years: number): void {
  writeSetting(db, YEARS_KEY, years);
}

/** Marks when a participant's file was closed: the start of its retention period. */
export function recordClosing(db: Db, participantId: string, at: string): void {
  run(db, sql`UPDATE participants SET closed_at = ${at} WHERE id = ${participantId} AND status = 'closed'`);
}

export interface ClosedFile {
  id: string;
  pseudonym: string;
  closedAt: string;
}

/**
 * Every closed file with its closing time, oldest first. A closed file without one (imported from an older
 * vault) counts from its last change, which is never before its closing.
 */
export function closedFiles(db: Db): ClosedFile[] {
  return all<ClosedFile>(
    db,
    sql`SELECT id, pseudonym, coalesce(closed_at, updated_at) AS closedAt FROM participants
        WHERE status = 'closed' ORDER BY closedAt, pseudonym`,
  );
}
