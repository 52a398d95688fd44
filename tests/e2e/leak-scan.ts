/**
 * Searches files on disk for a planted marker, the way a forensic look at a laptop would: every byte of every
 * file, whatever its format. Used by the leak spec on the data folder, the Chromium profile and the temp files
 * a test run created.
 */
import { randomInt } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export interface MarkerHit {
  file: string;
  /** Which form of the marker was found, e.g. `utf-16le` or `utf-8, lower case`. */
  encoding: string;
}

interface Needle {
  encoding: string;
  bytes: Buffer;
}

/** The byte sequences a string can take on disk: three encodings, each as typed, lower-cased and upper-cased. */
function needlesFor(marker: string): Needle[] {
  const cases: [string, string][] = [
    ['', marker],
    [', lower case', marker.toLowerCase()],
    [', upper case', marker.toUpperCase()],
  ];
  const needles: Needle[] = [];
  const seen = new Set<string>();
  for (const [caseLabel, text] of cases) {
    const utf16le = Buffer.from(text, 'utf16le');
    const forms: [string, Buffer][] = [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['utf-16le', utf16le],
      ['utf-16be', Buffer.from(utf16le).swap16()],
    ];
    for (const [encoding, bytes] of forms) {
      const key = bytes.toString('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      needles.push({ encoding: `${encoding}${caseLabel}`, bytes });
    }
  }
  return needles;
}

/** Every regular file under `path` (or `path` itself); symlinks, sockets and pipes are not followed or read. */
function regularFiles(path: string, stats: Stats, into: string[]): void {
  if (stats.isFile()) {
    into.push(path);
    return;
  }
  if (!stats.isDirectory()) return;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (error) {
    // A folder a running browser removes between listing and reading is simply gone.
    if (isNotFound(error)) return;
    throw error;
  }
  for (const name of names) {
    const child = join(path, name);
    const childStats = lstatOrNull(child);
    if (childStats) regularFiles(child, childStats, into);
  }
}

/** A file a running browser deletes between listing and reading is simply gone; anything else is an error. */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * Finds every file under `paths` (folders, searched recursively, or single files) that holds `marker` as UTF-8,
 * UTF-16LE or UTF-16BE, as typed or case-folded. A path that does not exist fails the scan rather than passing it,
 * unless `vanished: 'skip'` says the paths are other programs' temp files that may be deleted meanwhile.
 * Compressed content (Snappy blocks in LevelDB, gzip) is searched as stored: use a marker with no repeated
 * four-character run, so that a compressor keeps it whole as a literal.
 */
export function scanForMarker(paths: string[], marker: string, options: { vanished?: 'fail' | 'skip' } = {}): MarkerHit[] {
  if (marker.length < 8) throw new Error('A leak marker needs at least 8 characters to be unambiguous.');
  const needles = needlesFor(marker);
  const files: string[] = [];
  for (const path of paths) {
    const stats = options.vanished === 'skip' ? lstatOrNull(path) : lstatSync(path);
    if (stats) regularFiles(path, stats, files);
  }
  const hits: MarkerHit[] = [];
  for (const file of files) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    for (const needle of needles) {
      if (content.includes(needle.bytes)) hits.push({ file, encoding: needle.encoding });
    }
  }
  return hits;
}

/** Entries directly inside `dir` created or changed at or after `sinceMs`: the temp files a test run left. */
export function entriesChangedSince(dir: string, sinceMs: number): string[] {
  const changed: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      // Dangling symlinks and entries removed meanwhile hold nothing to scan.
      continue;
    }
    if (Math.max(stats.mtimeMs, stats.ctimeMs, stats.birthtimeMs) >= sinceMs) changed.push(path);
  }
  return changed;
}

/** A marker of random letters with no repeated four-letter run (see scanForMarker on compression). */
export function uniqueMarker(prefix = 'Merkki'): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  let suffix = '';
  while (suffix.length < 20) {
    const next = suffix + letters.charAt(randomInt(letters.length));
    const folded = (prefix + next).toLowerCase();
    if (folded.slice(0, -1).includes(folded.slice(-4))) continue;
    suffix = next;
  }
  return prefix + suffix;
}

/** The newest modification time (ms) of the files directly in `dir`; 0 when it holds none or does not exist. */
function newestFileIn(dir: string): number {
  let newest = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const stats = lstatOrNull(join(dir, name));
    if (stats?.isFile()) newest = Math.max(newest, stats.mtimeMs);
  }
  return newest;
}

/**
 * Waits until Chromium has saved the page's state (form contents included) to the session files of the profile
 * after `sinceMs`, and has then left them alone for `quietMs`: only then can a scan of the profile show whether
 * typed text reached the disk. Fails after `timeoutMs`, saying what never happened. Electron keeps no session
 * files, so this is for the browser variant's profile.
 */
export async function sessionStateSaved(
  profileDir: string,
  sinceMs: number,
  { quietMs = 1_000, timeoutMs = 20_000, pollMs = 100 } = {},
): Promise<void> {
  const sessions = join(profileDir, 'Default', 'Sessions');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const savedAt = newestFileIn(sessions);
    if (savedAt >= sinceMs && Date.now() - savedAt >= quietMs) return;
    if (Date.now() > deadline) {
      throw new Error(
        savedAt >= sinceMs
          ? `Chromium kept writing its session files (${sessions}) for ${timeoutMs} ms.`
          : `Chromium did not save the page's state to its session files (${sessions}) within ${timeoutMs} ms.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
