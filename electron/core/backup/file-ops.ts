import { closeSync, fsyncSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/** The file operations of backup and restore, one name each, so that tests can make any of them fail. */
export type FileOp = 'create' | 'fsync' | 'rename' | 'fsyncFolder' | 'remove';

/**
 * A failure to inject: `op` fails with the errno `code` on paths containing `pathIncludes` (any path when
 * absent), the next `times` times (always when absent).
 */
export interface FileFault {
  op: FileOp;
  code: 'ENOSPC' | 'EDQUOT' | 'EROFS' | 'EACCES' | 'EPERM' | 'EIO' | 'EINVAL';
  pathIncludes?: string;
  times?: number;
}

/**
 * Every write of backup and restore that Node (not SQLite) makes goes through here. SQLite's own writes into
 * a file made by `createExclusive` fail with SQLite codes (SQLITE_FULL, SQLITE_READONLY...), translated alike.
 */
export interface FileOps {
  /** Creates an empty file that did not exist ('wx': never follows or reuses what is there), readable by its owner only. */
  createExclusive(path: string): void;
  /** Flushes a file's content to the disk. */
  fsyncFile(path: string): void;
  /**
   * Renames within one folder, then flushes the folder so that the new name survives a power cut. When the flush
   * fails the rename has happened all the same: callers look at the files to know.
   */
  renameDurably(from: string, to: string): void;
  /** Deletes a file; one already gone is not an error. */
  remove(path: string): void;
}

/** The real file operations, failing where `faults` say (tests only; empty in the app). */
export function fileOps(faults: readonly FileFault[] = []): FileOps {
  const check = (op: FileOp, path: string) => {
    const fault = faults.find(
      (f) => f.op === op && (f.pathIncludes === undefined || path.includes(f.pathIncludes)) && (f.times ?? 1) > 0,
    );
    if (!fault) return;
    if (fault.times !== undefined) fault.times--;
    throw Object.assign(new Error(`${fault.code}: injected ${op} failure`), { code: fault.code, syscall: op });
  };
  return {
    createExclusive(path) {
      check('create', path);
      closeSync(openSync(path, 'wx', 0o600));
    },
    fsyncFile(path) {
      check('fsync', path);
      const fd = openSync(path, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    renameDurably(from, to) {
      check('rename', to);
      renameSync(from, to);
      check('fsyncFolder', to);
      fsyncFolder(dirname(to));
    },
    remove(path) {
      check('remove', path);
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}

function fsyncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The journal files SQLite may keep beside a database file. */
export function sidecarsOf(path: string): string[] {
  return [`${path}-journal`, `${path}-wal`, `${path}-shm`];
}

/** A database file and the journal files SQLite may keep beside it. */
export function withSidecars(path: string): string[] {
  return [path, ...sidecarsOf(path)];
}
