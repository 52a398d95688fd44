import { existsSync, statSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { asWriteError } from './errors';
import type { FileOps } from './file-ops';

/** The files a swap moves: the vault's database, the one kept aside, and the restored one. */
export interface SwapFiles {
  db: string;
  previousDb: string;
}

/**
 * Puts `restored` in place of the closed vault database, keeping the old one as `previousDb`. Two renames in
 * one folder: a crash between them leaves polku.db missing and polku.previous.db there, which the next start
 * renames back (leftovers.ts), so the vault is always either the old or the new one.
 */
export function swapIn(files: SwapFiles, restored: string, ops: FileOps): void {
  assertNoWal(files.db);
  try {
    ops.renameDurably(files.db, files.previousDb);
    ops.renameDurably(restored, files.db);
  } catch (error) {
    // Both renames done, only the last flush failed: the swap stands.
    if (!existsSync(restored) && existsSync(files.db)) return;
    if (!existsSync(files.db) && existsSync(files.previousDb)) ops.renameDurably(files.previousDb, files.db);
    throw asWriteError(error);
  }
}

/** Puts the kept database back in place of the current one (which is gone after this). */
export function swapBack(files: SwapFiles, ops: FileOps): void {
  assertNoWal(files.db);
  try {
    ops.renameDurably(files.previousDb, files.db);
  } catch (error) {
    // Renamed, only the flush failed: the previous database is back all the same.
    if (!existsSync(files.previousDb)) return;
    throw asWriteError(error);
  }
}

/**
 * A WAL left beside polku.db would be replayed onto whatever file has that name next: a closed, checkpointed
 * database has none (or an empty one), and anything else stops the swap.
 */
function assertNoWal(db: string): void {
  const wal = `${db}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new AppError('internal');
}
