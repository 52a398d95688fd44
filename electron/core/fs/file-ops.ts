import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { atomicWriteTempPath } from './temp-files';

/**
 * The file operations of Polku's own writes, one name each, so that tests can make any of them fail: `create`,
 * `write` (the content of a file written whole), `fsync`, `rename`, `fsyncFolder` and `remove` by Node, and
 * `dbCommit`, the commit of a request's transaction in the vault database (dispatch), failing with a SQLite code
 * as SQLite's own write would.
 */
export type FileOp = 'create' | 'write' | 'fsync' | 'rename' | 'fsyncFolder' | 'remove' | 'dbCommit';

/** The errno codes a Node file operation is made to fail with. */
export type ErrnoFault = 'ENOSPC' | 'EDQUOT' | 'EROFS' | 'EACCES' | 'EPERM' | 'EIO' | 'EINVAL';
/** The SQLite codes a database commit is made to fail with. */
export type SqliteFault = 'SQLITE_FULL' | 'SQLITE_IOERR' | 'SQLITE_IOERR_WRITE' | 'SQLITE_READONLY' | 'SQLITE_CANTOPEN';

/**
 * A failure to inject: `op` fails with `code` on paths containing `pathIncludes` (any path when absent; for
 * `dbCommit`, the channel's name), the next `times` times (always when absent). Tests only: the app's list is
 * empty. Passed as `CoreOptions.fileFaults`, it reaches backup, restore, the vault's slot-file and attempts writes
 * (unlock, passphrase changes, master-key rotation), the handover's files, the print's PDF and every request's commit.
 */
export interface FileFault {
  op: FileOp;
  code: ErrnoFault | SqliteFault;
  pathIncludes?: string;
  times?: number;
}

/**
 * Every write Polku makes with Node (not SQLite) goes through here. SQLite's own writes into a file made by
 * `createExclusive` fail with SQLite codes (SQLITE_FULL, SQLITE_READONLY...), translated alike.
 */
export interface FileOps {
  /**
   * Replaces `path` with `data` so that after a crash the file holds either the old or the new content, never a
   * mix: a temp in the same folder (so the rename cannot cross file systems), written, flushed, renamed, and the
   * folder flushed. A failure removes the temp; a crash before the rename leaves it (the start-up sweep removes
   * those of the data folder, backup/leftovers.ts) and the old file whole.
   */
  writeAtomic(path: string, data: Buffer | string, mode?: number): void;
  /** Creates a file that did not exist ('wx', owner-only) holding `data`; on a failure the part written is removed. */
  writeNew(path: string, data: Buffer): void;
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
  const check = (op: FileOp, path: string) => injectFault(faults, op, path);
  return {
    writeAtomic(path, data, mode = 0o600) {
      const temp = atomicWriteTempPath(path);
      let fd: number | undefined;
      try {
        check('create', temp);
        // 'wx': never follow or reuse something already at the temp name.
        fd = openSync(temp, 'wx', mode);
        check('write', path);
        writeFileSync(fd, data);
        check('fsync', path);
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
        check('rename', path);
        renameSync(temp, path);
      } catch (error) {
        if (fd !== undefined) closeQuietly(fd);
        removeQuietly(temp);
        throw error;
      }
      check('fsyncFolder', path);
      fsyncFolder(dirname(path));
    },
    writeNew(path, data) {
      check('create', path);
      const fd = openSync(path, 'wx', 0o600);
      try {
        check('write', path);
        writeFileSync(fd, data);
      } catch (error) {
        closeQuietly(fd);
        removeQuietly(path);
        throw error;
      }
      closeSync(fd);
    },
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

/**
 * Throws the first fault of `faults` for `op` on `path` that has uses left, as the real operation would fail: an
 * errno error from Node, an error shaped as SQLite's for `dbCommit`.
 */
export function injectFault(faults: readonly FileFault[], op: FileOp, path: string): void {
  const fault = faults.find(
    (f) => f.op === op && (f.pathIncludes === undefined || path.includes(f.pathIncludes)) && (f.times ?? 1) > 0,
  );
  if (!fault) return;
  if (fault.times !== undefined) fault.times--;
  // Shaped as better-sqlite3's SqliteError (its name and its SQLite code), which is all its callers look at.
  if (fault.code.startsWith('SQLITE_'))
    throw Object.assign(new Error(`injected ${op} failure`), { name: 'SqliteError', code: fault.code });
  throw Object.assign(new Error(`${fault.code}: injected ${op} failure`), { code: fault.code, syscall: op });
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

/** The journal files SQLite may keep beside a database file. */
export function sidecarsOf(path: string): string[] {
  return [`${path}-journal`, `${path}-wal`, `${path}-shm`];
}

/** A database file and the journal files SQLite may keep beside it. */
export function withSidecars(path: string): string[] {
  return [path, ...sidecarsOf(path)];
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
    unlinkSync(path);
  } catch {
    // Gone already, or the original error is the one worth reporting.
  }
}
