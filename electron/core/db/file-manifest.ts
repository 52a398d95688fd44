import type { z } from 'zod';
import { AppError, type ErrorCode } from '@shared/errors';
import type { Db } from './cipher';

/**
 * The one row of the manifest table a backup or handover file describes itself in, checked against `row`; null
 * when the file has no such table (an SQLCipher database of another kind). A manifest that is there but not
 * exactly one well-formed row means the file was changed: `damaged`.
 */
export function readManifestRow<T>(db: Db, table: string, row: z.ZodType<T>, damaged: ErrorCode): T | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table);
  if (!exists) return null;
  const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all();
  const parsed = rows.length === 1 ? row.safeParse(rows[0]) : null;
  if (!parsed?.success) throw new AppError(damaged);
  return parsed.data;
}

/** The rows per table a manifest stores as JSON text, checked against `counts`; anything else is `damaged`. */
export function parseManifestCounts(
  text: string,
  counts: z.ZodType<Record<string, number>>,
  damaged: ErrorCode,
): Record<string, number> {
  try {
    return counts.parse(JSON.parse(text));
  } catch {
    throw new AppError(damaged);
  }
}
