import { existsSync, statSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { asSwapError } from './errors';
import { sidecarsOf, type FileOps } from '../fs/file-ops';

/** The files a swap moves: the vault's database, the one kept aside, and the restored one. */
export interface SwapFiles {
  db: string;
  previousDb: string;
}

/**
 * Puts `restored` in place of the closed vault database, keeping the old one as `previousDb`. Two renames in
 * one folder: a crash between them leaves polku.db missing and polku.previous.db there, which the next start
 * renames back (leftovers.ts), so the vault is always either the old or the new one.
 *
 * A rename or a flush of the folder failing, whatever its errno, answers one of the backup write codes
 * (`asSwapError`): after a failed first step the old database is put back (a failed flush of that is no
 * failure: the rename has happened, and a power cut before the flush leaves the state the next start puts
 * right); after both renames only the last flush failed, and the swap stands.
 */
export function swapIn(files: SwapFiles, restored: string, ops: FileOps): void {
  assertNoWal(files.db);
  try {
    // A journal left beside the kept file's name (none is made by Polku once the file is gone) would be read
    // as the kept database's own.
    for (const sidecar of sidecarsOf(files.previousDb)) ops.remove(sidecar);
    ops.renameDurably(files.db, files.previousDb);
    ops.renameDurably(restored, files.db);
  } catch (error) {
    // Both renames done, only the last flush failed: the swap stands.
    if (!existsSync(restored) && existsSync(files.db)) return;
    if (!existsSync(files.db) && existsSync(files.previousDb)) putBack(files, ops);
    throw asSwapError(error);
  }
}

/**
 * Puts the kept database back in place of the current one (which is gone after this), and removes the journal
 * files its check left beside the kept name (undo opens it read-only first; SQLite leaves an empty WAL and its
 * index there). One that cannot be removed now goes at the next start (leftovers.ts).
 */
export function swapBack(files: SwapFiles, ops: FileOps): void {
  assertNoWal(files.db);
  try {
    ops.renameDurably(files.previousDb, files.db);
  } catch (error) {
    // Renamed, only the flush failed: the previous database is back all the same.
    if (existsSync(files.previousDb)) throw asSwapError(error);
  }
  for (const sidecar of sidecarsOf(files.previousDb)) {
    try {
      ops.remove(sidecar);
    } catch {
      // Left for the start-up sweep: the undo itself has happened.
    }
  }
}

/** The old database back under its own name after a failed first step; a failed flush of that is no failure. */
function putBack(files: SwapFiles, ops: FileOps): void {
  try {
    ops.renameDurably(files.previousDb, files.db);
  } catch {
    // Renamed and only the flush failed, or not renamed at all: then polku.db is missing, the vault locks
    // (Vault.replaceDatabase) and the next start renames it back.
  }
}

/**
 * A WAL left beside polku.db would be replayed onto whatever file has that name next: a closed, checkpointed
 * database has none (or an empty one), and anything else stops the swap before anything moved. Closing
 * checkpoints the WAL into polku.db; one still holding pages means that write did not reach the disk, which is
 * answered as the failed write it is (`backup_write_failed`: nothing was changed, check the drive).
 */
export function assertNoWal(db: string): void {
  const wal = `${db}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new AppError('backup_write_failed');
}
