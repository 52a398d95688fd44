/**
 * The authorship columns of a row as the repositories read them (the names joined from `users`), and the record's
 * fields they become (shared/authorship.ts).
 */
import type { Authorship } from '@shared/authorship';

export interface AuthorshipRow {
  created_at: string;
  created_by: string;
  created_by_name: string | null;
  updated_at: string;
  updated_by: string;
  updated_by_name: string | null;
}

export function authorshipOf(row: AuthorshipRow): Authorship {
  return {
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
  };
}
