import { AppError } from '@shared/errors';
import { appendAudit, type AuditEntry } from '../audit/audit';
import type { Db } from '../db/open';
import { logEvent } from '../log';
import { countParticipantRows, deleteParticipantRows } from './deletion';
import { prepareFullTextCleanup } from './fts-rewrite';

/** How long the wipe waits for another connection's read to end. */
const WIPE_WAIT_MS = 250;

/** Who erases, when, and the record to write after the tombstones (e.g. a retention run); the same transaction. */
export interface ErasureRequest {
  userId: string;
  now: Date;
  closing?: Omit<AuditEntry, 'userId' | 'outcome'>;
}

/**
 * The tombstone a deletion leaves in the audit log: the participant's random id (not personal by itself, and what
 * the earlier records about them carry) and how many rows of which tables went. Table names and counts only:
 * never the pseudonym, names or anything else from the file.
 */
export function tombstoneDetail(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, n]) => `${table}:${n}`)
    .join(',');
}

/**
 * Every erasure (deletion of a participant, retention's erasure of due files, a handover import replacing a file)
 * is refused while a restore awaits "keep" or "undo": the database from before the restore still holds every byte
 * of the file, and "undo" would bring it back whole. The sentence says so and asks to keep or undo the restore
 * first. Checked before anything is read or written.
 */
export function refuseWhileRestorePending(vault: { restorePending(): boolean }): void {
  if (vault.restorePending()) throw new AppError('erasure_restore_pending');
}

/**
 * Erases participants' whole files in one transaction, each with its tombstone record, then wipes what SQLite
 * still holds of them outside the live tables (wipeErasedPages). `check` runs first inside the transaction and
 * may refuse the whole request. Returns whether the wipe completed (see wipeErasedPages).
 */
export function eraseParticipants(db: Db, ids: readonly string[], request: ErasureRequest, check?: () => void): boolean {
  db.transaction(() => {
    check?.();
    const rows = new Map(ids.map((id) => [id, countParticipantRows(db, id)]));
    const indexes = prepareFullTextCleanup(db, rows);
    for (const [id, counts] of rows) {
      deleteParticipantRows(db, id);
      appendAudit(
        db,
        {
          userId: request.userId,
          action: 'participants.delete',
          entity: 'participant',
          entityId: id,
          outcome: 'ok',
          detail: tombstoneDetail(counts),
        },
        request.now,
      );
    }
    indexes.finish();
    if (request.closing) appendAudit(db, { ...request.closing, userId: request.userId, outcome: 'ok' }, request.now);
  })();
  return wipeErasedPages(db);
}

/**
 * After a committed deletion: the deleted rows are gone from the tables, and secure_delete (set at open) has
 * zeroed their bytes in the pages the transaction wrote, freed pages included; no erased word stays behind in the
 * full-text indexes (fts-rewrite.ts). What remains are the older
 * images of those pages: in the main file until the WAL is checkpointed into it, and in WAL frames until the WAL
 * is emptied. A TRUNCATE checkpoint does both; it needs no other connection reading, so it reports `false` (and
 * the images go at the next wipe, or when the vault locks and closes its last connection) if one is.
 */
export function wipeErasedPages(db: Db): boolean {
  // The checkpoint waits for readers through the busy handler: briefly, so that the window is never held up long.
  const previousWait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${WIPE_WAIT_MS}`);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    const done = result !== undefined && result.busy === 0;
    if (!done) logEvent('erasure-checkpoint-busy', {});
    return done;
  } finally {
    db.pragma(`busy_timeout = ${previousWait}`);
  }
}
