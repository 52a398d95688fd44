import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/** Renames a file and flushes its folder, so the new name survives a power cut. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  try {
    const dir = openSync(dirname(to), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Folders cannot be opened for fsync on Windows; the rename is still done.
  }
}
