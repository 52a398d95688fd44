import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dayOf } from '@shared/days';
import { fsyncFolder } from '../fs/atomic';
import { vaultFiles } from './files';

/** The folders broken vault files are moved into, inside the data folder: `set-aside-<local date and time>`. */
export const SET_ASIDE_PREFIX = 'set-aside-';

/**
 * The order the files leave in, so that a crash part-way never leaves a state the next start would misread:
 * a kept pre-restore database goes before polku.db (the start would otherwise put it back in its place), the
 * write-ahead log and shared memory go before polku.db (a new database must never meet an old log), and the key
 * slots go last (while they stay, an unfinished setup's database is not cleared away at the next start).
 */
function rank(name: string): number {
  if (name.startsWith('polku.previous.db')) return 0;
  if (/^polku\.db-(wal|shm|journal)$/.test(name)) return 2;
  if (name === 'polku.db') return 3;
  if (name === 'polku.keys') return 4;
  return 1;
}

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayOf(now)}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/**
 * Moves every file of a vault that cannot be opened (its database, log, key slots, a kept pre-restore database,
 * temp files) into a new folder beside them, so that Polku can be restored from a backup in its place. Nothing is
 * deleted or changed: the files keep their names, and IT support can put them back. The language choice stays.
 * Answers the folder's name. A crash part-way leaves some files in the folder and some in place; the start then
 * finds a broken vault again, and setting aside once more moves the rest into a second folder.
 */
export function setAsideVaultFiles(
  dataDir: string,
  now: Date,
  /** For tests: called after each file is moved, with how many have been; throwing stands for a crash there. */
  afterMove?: (moved: number) => void,
): string {
  const keep = basename(vaultFiles(dataDir).prefs);
  let name = `${SET_ASIDE_PREFIX}${stamp(now)}`;
  for (let n = 2; readdirSync(dataDir).includes(name); n += 1) name = `${SET_ASIDE_PREFIX}${stamp(now)}-${n}`;
  const folder = join(dataDir, name);
  mkdirSync(folder, { mode: 0o700 });
  fsyncFolder(dataDir);
  const files = readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.startsWith('polku.') && entry.name !== keep)
    .map((entry) => entry.name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const [index, file] of files.entries()) {
    renameSync(join(dataDir, file), join(folder, file));
    // Both folders: the new name must survive a power cut, and so must the old name's absence.
    fsyncFolder(folder);
    fsyncFolder(dataDir);
    afterMove?.(index + 1);
  }
  return name;
}
