import type { ExitResult, FollowUpResult } from '@shared/participation';
import type { Db } from '../db/open';
import { get, run, sql } from '../db/sql';

/** What is recorded of a participation, with who changed it last. */
export interface StoredResults {
  exit: ExitResult | null;
  followUp: FollowUpResult | null;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string | null;
}

interface ResultRow {
  exit_checked_on: string | null;
  exit_job_searching: number | null;
  exit_in_education: number | null;
  exit_qualification: number | null;
  exit_employed: number | null;
  follow_up_checked_on: string | null;
  follow_up_outcome: 'reached' | 'not_reached' | null;
  follow_up_employed: number | null;
  follow_up_improved: number | null;
  updated_at: string;
  updated_by: string;
  updated_by_name: string | null;
}

function exitOf(row: ResultRow): ExitResult | null {
  if (row.exit_checked_on === null) return null;
  return {
    checkedOn: row.exit_checked_on,
    jobSearching: row.exit_job_searching === 1,
    inEducation: row.exit_in_education === 1,
    qualification: row.exit_qualification === 1,
    employed: row.exit_employed === 1,
  };
}

function followUpOf(row: ResultRow): FollowUpResult | null {
  if (row.follow_up_checked_on === null || row.follow_up_outcome === null) return null;
  if (row.follow_up_outcome === 'not_reached') return { checkedOn: row.follow_up_checked_on, outcome: 'not_reached' };
  return {
    checkedOn: row.follow_up_checked_on,
    outcome: 'reached',
    employed: row.follow_up_employed === 1,
    improved: row.follow_up_improved === 1,
  };
}

export function findResults(db: Db, participantId: string): StoredResults | null {
  const row = get<ResultRow>(
    db,
    sql`SELECT r.*, u.display_name AS updated_by_name
        FROM participation_results r LEFT JOIN users u ON u.id = r.updated_by
        WHERE r.participant_id = ${participantId}`,
  );
  if (!row) return null;
  return {
    exit: exitOf(row),
    followUp: followUpOf(row),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
  };
}

const bit = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

/**
 * Stores both parts of a participant's results as given (null: not recorded), or removes the row when neither
 * is: a row exists only while it holds something.
 */
export function writeResults(
  db: Db,
  participantId: string,
  results: { exit: ExitResult | null; followUp: FollowUpResult | null },
  at: string,
  by: string,
): void {
  const { exit, followUp } = results;
  if (exit === null && followUp === null) {
    run(db, sql`DELETE FROM participation_results WHERE participant_id = ${participantId}`);
    return;
  }
  const reached = followUp?.outcome === 'reached' ? followUp : null;
  run(
    db,
    sql`INSERT INTO participation_results (participant_id, exit_checked_on, exit_job_searching, exit_in_education,
          exit_qualification, exit_employed, follow_up_checked_on, follow_up_outcome, follow_up_employed,
          follow_up_improved, updated_at, updated_by)
        VALUES (${participantId}, ${exit?.checkedOn ?? null}, ${bit(exit?.jobSearching)}, ${bit(exit?.inEducation)},
          ${bit(exit?.qualification)}, ${bit(exit?.employed)}, ${followUp?.checkedOn ?? null},
          ${followUp?.outcome ?? null}, ${bit(reached?.employed)}, ${bit(reached?.improved)}, ${at}, ${by})
        ON CONFLICT (participant_id) DO UPDATE SET
          exit_checked_on = excluded.exit_checked_on, exit_job_searching = excluded.exit_job_searching,
          exit_in_education = excluded.exit_in_education, exit_qualification = excluded.exit_qualification,
          exit_employed = excluded.exit_employed, follow_up_checked_on = excluded.follow_up_checked_on,
          follow_up_outcome = excluded.follow_up_outcome, follow_up_employed = excluded.follow_up_employed,
          follow_up_improved = excluded.follow_up_improved, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`,
  );
}
