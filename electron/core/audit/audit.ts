import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { AppError } from '@shared/errors';
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
const CHAIN_KEY_LABEL = 'polku-audit-chain-v1';

/**
 * The key each connection's chain is computed under: the vault registers it when it opens the database, and a
 * row is never written without one. Kept beside the connection so that every caller of appendAudit stays as is.
 */
const chainKeys = new WeakMap<Db, Buffer>();

/** The chain key of a vault: HKDF-SHA256 of the master key, salted with the vault id, under its own label. */
export function deriveChainKey(masterKey: Buffer, vaultId: string): Buffer {
  const derived = Buffer.from(hkdfSync('sha256', masterKey, Buffer.from(vaultId, 'utf8'), CHAIN_KEY_LABEL, 32));
  const key = Buffer.alloc(32);
  derived.copy(key);
  derived.fill(0);
  return key;
}

/** Makes `key` the chain key of `db`'s audit rows (the caller keeps and zeroes it). */
export function useChainKey(db: Db, key: Buffer): void {
  chainKeys.set(db, key);
}

function chainKeyOf(db: Db): Buffer {
  const key = chainKeys.get(db);
  if (!key) throw new AppError('internal');
  return key;
}

/** How a row's hash is made: HMAC-SHA256 under the chain key, or plain SHA-256 as builds before the key did. */
type Chaining = Buffer | 'plain-sha256';

function rowHash(row: Omit<AuditRow, 'hash'>, chaining: Chaining): string {
  const fields = [row.prev_hash, row.id, row.at, row.user_id, row.action, row.entity, row.entity_id, row.outcome, row.detail];
  const text = JSON.stringify(fields);
  if (chaining === 'plain-sha256') return createHash('sha256').update(text).digest('hex');
  return createHmac('sha256', chaining).update(text).digest('hex');
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
  const hash = rowHash(row, chainKeyOf(db));
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

/** Recomputes the whole chain under the connection's chain key and compares it with the stored head. */
export function verifyAuditChain(db: Db): AuditVerification {
  return verifyChainAs(db, chainKeyOf(db));
}

function verifyChainAs(db: Db, chaining: Chaining): AuditVerification {
  const rows = all<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY id`);
  const firstBadRow = firstBrokenLink(rows, chaining);
  if (firstBadRow !== null) return { rows: rows.length, firstBadRow };
  const stored = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${HEAD_KEY}`);
  const head = stored ? (JSON.parse(stored.value) as { id: number; hash: string }) : null;
  const last = rows.at(-1);
  const headMatches = last ? head?.id === last.id && head.hash === last.hash : head === null;
  if (!headMatches) return { rows: rows.length, firstBadRow: last ? last.id + 1 : 1 };
  return { rows: rows.length, firstBadRow: null };
}

/** The first row out of order, not linked to the one before, or (unless `chaining` is null) with a wrong hash. */
function firstBrokenLink(rows: AuditRow[], chaining: Chaining | null): number | null {
  let previous = GENESIS;
  let expectedId = 1;
  for (const row of rows) {
    if (row.id !== expectedId || row.prev_hash !== previous || (chaining && rowHash(row, chaining) !== row.hash)) {
      return row.id;
    }
    previous = row.hash;
    expectedId += 1;
  }
  return null;
}

/** The newest audit row's id and hash; null for an empty log. */
export function auditHead(db: Db): { id: number; hash: string } | null {
  return get<{ id: number; hash: string }>(db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`) ?? null;
}

/** The hash of the audit row `id`, or null when there is none. */
export function auditHashAt(db: Db, id: number): string | null {
  return get<{ hash: string }>(db, sql`SELECT hash FROM audit_log WHERE id = ${id}`)?.hash ?? null;
}

/** How the log in a database is chained, judged by its newest row: under the connection's key, plain SHA-256 (an older build), or neither. */
export function chainingOf(db: Db): 'keyed' | 'plain' | 'other' | 'empty' {
  const last = get<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`);
  if (!last) return 'empty';
  if (rowHash(last, chainKeyOf(db)) === last.hash) return 'keyed';
  return rowHash(last, 'plain-sha256') === last.hash ? 'plain' : 'other';
}

/**
 * Computes every row's hash again under the connection's chain key, after checking the chain as it stood: under
 * `from` (plain SHA-256 of an older build, or the chain key before a master-key rotation), or, for `links-only`
 * (a restored backup chained under a key this vault never had), only that the rows follow each other. Returns the
 * first row that failed that check, with nothing changed, or null once every row is chained anew. Call inside a
 * transaction: the append-only trigger is lifted for the rewrite and put back with its own text.
 */
export function rechainAudit(db: Db, from: Chaining | 'links-only'): number | null {
  const rows = all<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY id`);
  const firstBad = firstBrokenLink(rows, from === 'links-only' ? null : from);
  if (firstBad !== null) return firstBad;
  const key = chainKeyOf(db);
  const trigger = get<{ sql: string }>(
    db,
    sql`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'audit_log_no_update'`,
  );
  if (!trigger) throw new AppError('internal');
  db.exec('DROP TRIGGER audit_log_no_update');
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let previous = GENESIS;
  for (const row of rows) {
    const hash = rowHash({ ...row, prev_hash: previous }, key);
    update.run(previous, hash, row.id);
    previous = hash;
  }
  db.exec(trigger.sql);
  const last = rows.at(-1);
  if (last) {
    const headValue = JSON.stringify({ id: last.id, hash: previous });
    run(
      db,
      sql`INSERT INTO settings (key, value) VALUES (${HEAD_KEY}, ${headValue})
                ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }
  return null;
}

/**
 * A restored database's log, made to chain under this vault's key: kept when it already does; chained anew after
 * a whole check when plain SHA-256 and `plainExpected` (a backup written by a build before the keyed chain);
 * otherwise chained anew after checking only that the rows follow each other (a backup from before a master-key
 * change, from another laptop's vault, or one whose log was rewritten by whoever knows its passphrase: this vault
 * cannot tell these apart). Returns the words for the restore's audit record, which say which it was. Call inside
 * a transaction.
 */
export function adoptRestoredChain(db: Db, o: { plainExpected: boolean }): string {
  const chaining = chainingOf(db);
  if (chaining === 'keyed' || chaining === 'empty') return 'audit chain kept';
  if (chaining === 'plain' && o.plainExpected && rechainAudit(db, 'plain-sha256') === null)
    return 'audit chain checked and keyed';
  const broken = rechainAudit(db, 'links-only');
  return broken === null ? 'audit chain not checkable, keyed after checking its links' : `audit chain broken at row ${broken}`;
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
