import { fileOps, fsyncFolder } from './file-ops';

/** Polku's own file writes without injected faults (fs/file-ops.ts is their one home). */
const REAL = fileOps();

/**
 * Replaces `path` with `data` so that after a crash the file holds either the old or the new content, never a mix
 * (FileOps.writeAtomic). Callers that tests make fail take a `FileOps` from `fileOps(faults)` instead.
 */
export function writeFileAtomic(path: string, data: Buffer | string, mode = 0o600): void {
  REAL.writeAtomic(path, data, mode);
}

/** Renames a file and flushes its folder, so that the new name survives a power cut. */
export function renameDurably(from: string, to: string): void {
  REAL.renameDurably(from, to);
}

/** Deletes a file; a file that is already gone is not an error. */
export function removeIfExists(path: string): void {
  REAL.remove(path);
}

export { fsyncFolder };
