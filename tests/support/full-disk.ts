import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small disk of its own (a tmpfs), to fill up for real: SQLite then answers SQLITE_FULL and Node ENOSPC, as on
 * a laptop whose disk ran full. Mounting needs root, as in CI and in the project's containers.
 */
export interface SmallDisk {
  /** A folder on the small disk, for the vault's data folder. */
  dataDir: string;
  /** Fills every free byte with a filler file. */
  fill(): void;
  /** Deletes the filler: the disk has room again. */
  free(): void;
  /** Free bytes left on the disk. */
  freeBytes(): number;
  unmount(): void;
}

export function mountSmallDisk(megabytes = 16): SmallDisk {
  const root = mkdtempSync(join(tmpdir(), 'polku-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', root], { stdio: 'pipe' });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`A small disk could not be mounted here (the full-disk tests need root to mount a tmpfs): ${String(error)}`);
  }
  const dataDir = join(root, 'polku');
  mkdirSync(dataDir, { mode: 0o700 });
  const filler = join(root, 'filler');
  return {
    dataDir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024);
      try {
        for (let size = chunk.length; size >= 1; ) {
          try {
            writeSync(fd, chunk, 0, size);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
            size = Math.floor(size / 2);
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    freeBytes() {
      const stats = statfsSync(root);
      return stats.bavail * stats.bsize;
    },
    unmount() {
      try {
        execFileSync('umount', [root], { stdio: 'pipe' });
      } catch {
        // Still busy (a closing browser harness lets go a moment later): detached now, freed once let go.
        execFileSync('umount', ['-l', root], { stdio: 'pipe' });
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
