/**
 * What a packaged Polku accepts from whoever starts it. A development run takes its data folder from `--data-dir`
 * or POLKU_DATA_DIR (the tests and the preview rely on it) and may be debugged; an installed one is started by
 * anyone who can run a program on the laptop, so it refuses every way in for another program (Chromium's remote
 * debugging, Node's inspector) and takes another data folder only from a file only an administrator can write.
 */
import { readFileSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** Switches through which another program could drive the window or the main process. */
const DEBUGGING_SWITCHES = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-wait',
  'inspect-brk-node',
  'debug',
  'debug-brk',
  'debug-port',
]);

/** The switch a command-line word names, if it is one: `--x`, `-x` (Chromium reads both) or `/x` on Windows. */
function switchName(word: string, platform: NodeJS.Platform): string | null {
  const prefix = platform === 'win32' ? /^(?:--?|\/)([a-z][a-z-]*)(?:=|$)/i : /^--?([a-z][a-z-]*)(?:=|$)/i;
  return prefix.exec(word)?.[1]?.toLowerCase() ?? null;
}

/** The debugging switches in the command line and in NODE_OPTIONS, as written; empty when there are none. */
export function debuggingSwitches(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const words = [...argv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  return words.filter((word) => {
    const name = switchName(word, platform);
    return name !== null && DEBUGGING_SWITCHES.has(name);
  });
}

/** Whether the command line or the environment asks for a data folder, which only a development run may. */
export function asksForDataDir(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.some((word) => /^--data-dir=./.test(word)) || Boolean(env.POLKU_DATA_DIR);
}

/**
 * The administrator's setting for the data folder: a file named `data-dir` in the machine-wide configuration
 * folder, holding one absolute path.
 */
export function adminSettingPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Polku', 'data-dir');
  if (platform === 'darwin') return '/Library/Application Support/Polku/data-dir';
  return '/etc/polku/data-dir';
}

export type AdminSetting = { kind: 'none' } | { kind: 'dataDir'; dir: string } | { kind: 'refused'; reason: string };

/**
 * Reads the administrator's setting. On Linux and macOS the file must belong to root and be writable by nobody
 * else, or a user could point Polku elsewhere; on Windows the folder's permissions are the administrator's to set.
 */
export function readAdminSetting(path: string, platform: NodeJS.Platform): AdminSetting {
  let text: string;
  try {
    if (platform !== 'win32') {
      const stat = statSync(path);
      if (stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
        return { kind: 'refused', reason: `${path} must belong to root and be writable by root only` };
      }
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'refused', reason: `${path} cannot be read` };
  }
  const dir = text.split(/\r?\n/)[0]?.trim() ?? '';
  const paths = platform === 'win32' ? win32 : posix;
  if (!paths.isAbsolute(dir) || paths.normalize(dir) !== dir) {
    return { kind: 'refused', reason: `${path} must hold one absolute folder path` };
  }
  return { kind: 'dataDir', dir };
}

export type PackagedStart = { ok: true; dataDir: string } | { ok: false; message: string };

/** Whether a packaged Polku may start as asked, and on which data folder. */
export function packagedStart(o: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  userDataPath: string;
  adminSetting: AdminSetting;
}): PackagedStart {
  const switches = debuggingSwitches(o.argv, o.env, o.platform);
  if (switches.length > 0) {
    return {
      ok: false,
      message: `Polku does not start with ${switches.join(' ')}: it would let another program control Polku.`,
    };
  }
  if (asksForDataDir(o.argv, o.env)) {
    return {
      ok: false,
      message:
        'Polku does not take its data folder from --data-dir or POLKU_DATA_DIR once installed. ' +
        `An administrator can name one in ${adminSettingPath(o.platform, o.env)}.`,
    };
  }
  if (o.adminSetting.kind === 'refused') {
    return { ok: false, message: `Polku does not start: ${o.adminSetting.reason}.` };
  }
  return { ok: true, dataDir: o.adminSetting.kind === 'dataDir' ? o.adminSetting.dir : o.userDataPath };
}
