import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { atomicWriteTempPath } from './temp-files';

/**
 * Replaces `path` with `data` so that after a crash the file holds either the old or the new content, never a mix.
 * The temp file sits in the same folder, so the rename cannot cross file systems. A crash before the rename
 * leaves the temp (the start-up sweep removes those of the data folder, backup/leftovers.ts) and the old file whole.
 */
export function writeFileAtomic(path: string, data: Buffer | string, mode = 0o600): void {
  const temp = atomicWriteTempPath(path);
  let fd: number | undefined;
  try {
    // 'wx': never follow or reuse something already at the temp name.
    fd = openSync(temp, 'wx', mode);
    writeFileSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    throw error;
  }
  fsyncFolder(dirname(path));
}

/** Renames a file and flushes its folder, so that the new name survives a power cut. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  fsyncFolder(dirname(to));
}

/** Deletes a file; a file that is already gone is not an error. */
export function removeIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Makes a rename in `folder` durable. */
export function fsyncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The original error is the one worth reporting.
  }
}

function removeQuietly(path: string): void {
  try {
    removeIfExists(path);
  } catch {
    // The original error is the one worth reporting.
  }
}
