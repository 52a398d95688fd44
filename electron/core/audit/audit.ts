import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

/** Who did what to which record; never field contents. */
export interface AuditEntry {
  userId: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  outcome: 'ok' | 'denied' | 'failed';
  /** A short non-personal note, e.g. a count or a reason code. */
  detail?: string;
}

interface AuditRow {
  id: number;
  at: string;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.prev_hash, row.id, row.at, row.user_id, row.action, row.entity, row.entity_id, row.outcome, row.detail];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Appends one record chained to the previous one. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, entry: AuditEntry, at: Date): void {
  const head = get<{ id: number; hash: string }>(db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  const row = {
    id: (head?.id ?? 0) + 1,
    at: at.toISOString(),
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    outcome: entry.outcome,
    detail: entry.detail ?? null,
    prev_hash: head?.hash ?? GENESIS,
  };
  const hash = rowHash(row);
  run(
    db,
    sql`INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, outcome, detail, prev_hash, hash)
        VALUES (${row.id}, ${row.at}, ${row.user_id}, ${row.action}, ${row.entity}, ${row.entity_id},
                ${row.outcome}, ${row.detail}, ${row.prev_hash}, ${hash})`,
  );
  // The head is kept apart from the rows so that removing the newest rows is noticed too.
  const headValue = JSON.stringify({ id: row.id, hash });
  run(
    db,
    sql`INSERT INTO settings (key, value) VALUES (${HEAD_KEY}, ${headValue})
              ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
}

export interface AuditVerification {
  rows: number;
  /** Id of the first row that was edited, inserted out of order or follows a removed row; null when intact. */
  firstBadRow: number | null;
}

/** Recomputes the whole chain and compares it with the stored head. */
export function verifyAuditChain(db: Db): AuditVerification {
  const rows = all<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY id`);
  let previous = GENESIS;
  let expectedId = 1;
  for (const row of rows) {
    if (row.id !== expectedId || row.prev_hash !== previous || rowHash(row) !== row.hash) {
      return { rows: rows.length, firstBadRow: row.id };
    }
    previous = row.hash;
    expectedId += 1;
  }
  const stored = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${HEAD_KEY}`);
  const head = stored ? (JSON.parse(stored.value) as { id: number; hash: string }) : null;
  const last = rows.at(-1);
  const headMatches = last ? head?.id === last.id && head.hash === last.hash : head === null;
  if (!headMatches) return { rows: rows.length, firstBadRow: last ? last.id + 1 : 1 };
  return { rows: rows.length, firstBadRow: null };
}

export interface AuditFilter {
  userId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
  /** Inclusive ISO date-times. */
  from?: string | undefined;
  to?: string | undefined;
  /** Only rows older than this id: the next page. */
  beforeId?: number | undefined;
  limit: number;
}

/** Audit rows matching every given filter, newest first, with the user's current name. */
export function listAudit(db: Db, filter: AuditFilter) {
  // A null parameter switches its condition off, so that one statement serves every combination of filters.
  const rows = all<AuditRow & { user_name: string | null }>(
    db,
    sql`SELECT a.*, u.display_name AS user_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE (${filter.userId ?? null} IS NULL OR a.user_id = ${filter.userId ?? null})
          AND (${filter.action ?? null} IS NULL OR a.action = ${filter.action ?? null})
          AND (${filter.entity ?? null} IS NULL OR a.entity = ${filter.entity ?? null})
          AND (${filter.entityId ?? null} IS NULL OR a.entity_id = ${filter.entityId ?? null})
          AND (${filter.outcome ?? null} IS NULL OR a.outcome = ${filter.outcome ?? null})
          AND (${filter.from ?? null} IS NULL OR a.at >= ${filter.from ?? null})
          AND (${filter.to ?? null} IS NULL OR a.at <= ${filter.to ?? null})
          AND (${filter.beforeId ?? null} IS NULL OR a.id < ${filter.beforeId ?? null})
        ORDER BY a.id DESC LIMIT ${filter.limit + 1}`,
  );
  const entries = rows.slice(0, filter.limit).map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    outcome: row.outcome as 'ok' | 'denied' | 'failed',
    detail: row.detail,
  }));
  return { entries, hasMore: rows.length > filter.limit };
}
