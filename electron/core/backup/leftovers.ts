import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { removeIfExists, renameDurably, writeFileAtomic } from '../fs/atomic';
import { atomicWriteTarget, isOwnTemp, isStrayTempName } from '../fs/temp-files';
import { logEvent } from '../log';
import { vaultFiles } from '../vault/files';
import { backupFiles } from './files';
import { sidecarsOf, withSidecars } from '../fs/file-ops';

const tempListSchema = z.object({ temps: z.array(z.string()) });

/** Writes down (in the list file `tempList`) the temp files a job is about to make, before it makes them. */
export function recordTemps(tempList: string, temps: readonly string[]): void {
  writeFileAtomic(tempList, JSON.stringify({ temps }));
}

/**
 * Removes the temp files of a job that ended (whatever is left of them) and the list itself. Only paths of the
 * kinds Polku makes (`isOwnTemp`) are touched, and only regular files: an entry of a tampered list naming anything
 * else, a symbolic link or a folder is left alone.
 */
export function removeTemps(dataDir: string, temps: readonly string[]): void {
  let allGone = true;
  for (const temp of temps) {
    if (!isOwnTemp(dataDir, temp)) continue;
    for (const path of withSidecars(temp)) allGone = removeFileQuietly(path) && allGone;
  }
  // A file that cannot be removed now (a drive gone) stays listed, to be tried again at the next start.
  if (allGone) removeFileQuietly(backupFiles(dataDir).tempList);
}

/**
 * At start, puts right what a crash left: a restore stopped between its two renames (polku.db moved aside, the
 * new one not yet in place) gets the old database back, and the temp files of a job that never ended are
 * removed (a backup's beside its destination, the others in the data folder: a restore's target and a handover
 * inspect's copy), as is the database of a first setup that never got its key slots. The journal files an
 * undo left beside `polku.previous.db` go once that file is gone, and so do the temps of atomic writes cut
 * before their rename (`polku.keys.tmp-<hex>` and its like): a slot-file temp when the slot file is there (it is
 * then the last whole version, and the temp at most a newer one that was never put in place; with no slot file
 * beside it the temp is kept, since it could be the only copy of the key slots), the others (temp list,
 * preferences, attempts) always, since what they held is either in place already or was never needed.
 */
export function recoverInterruptedWork(dataDir: string): void {
  try {
    recover(dataDir);
  } catch (error) {
    // Polku still starts; what could not be put right is reported by the vault's own checks.
    logEvent('internal-error', { error });
  }
}

function recover(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const vault = vaultFiles(dataDir);
  const files = backupFiles(dataDir);
  if (!existsSync(vault.db) && existsSync(files.previousDb) && existsSync(vault.slots)) {
    renameDurably(files.previousDb, vault.db);
  }
  if (!existsSync(files.previousDb)) for (const sidecar of sidecarsOf(files.previousDb)) removeFileQuietly(sidecar);
  const names = readdirSync(dataDir);
  for (const name of names) {
    const target = atomicWriteTarget(name);
    // Only the slot file's temp can be the one copy of what it holds; the others go with their target or without.
    if (target !== null && (target !== 'polku.keys' || existsSync(join(dataDir, target)))) removeFileQuietly(join(dataDir, name));
  }
  const listed = readTempList(files.tempList);
  const strays = names.filter(isStrayTempName).map((name) => join(dataDir, name));
  // A first setup (or a restore onto a new laptop) that never wrote its slot file never finished.
  const unfinishedSetup = existsSync(vault.slots) ? [] : [vault.dbDuringSetup];
  removeTemps(dataDir, [...listed, ...strays, ...unfinishedSetup]);
}

function readTempList(path: string): string[] {
  try {
    const parsed = tempListSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.temps : [];
  } catch {
    return [];
  }
}

/** Deletes `path` if it is a regular file (a symbolic link is never followed nor removed); true unless that failed. */
function removeFileQuietly(path: string): boolean {
  try {
    if (!lstatSync(path).isFile()) return true;
    removeIfExists(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
